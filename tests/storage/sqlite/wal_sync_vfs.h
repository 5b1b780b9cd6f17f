#pragma once

#include <cstdint>

namespace sb::testing {

// A SQLite VFS around the default one that watches the WAL files' writes and syncs, for tests of
// when SqliteDatabase acknowledges a write, and counts reads of the files. While an object lives it
// is the default VFS, so every connection opened meanwhile goes through it (one object at a time).
// Thread-safe.
class WalSyncVfs {
 public:
  WalSyncVfs();
  ~WalSyncVfs();  // the previous default VFS is restored; close the connections first
  WalSyncVfs(const WalSyncVfs&) = delete;
  WalSyncVfs& operator=(const WalSyncVfs&) = delete;

  // Reads of the database and WAL files (a page SQLite had to fetch, or a header).
  std::uint64_t file_reads() const;
  // Writes that reached a WAL file.
  std::uint64_t wal_writes() const;
  // Of those, how many a sync that has returned successfully covers (the writes made before
  // that sync began).
  std::uint64_t synced_wal_writes() const;

  // From now on a WAL sync fails with SQLITE_IOERR_FSYNC, until told otherwise.
  void FailSyncs(bool fail);
  // From now on a write to a WAL fails with SQLITE_IOERR_WRITE, until told otherwise.
  void FailWalWrites(bool fail);
  // The next WAL sync waits until ReleaseHeldSync; WaitForHeldSync returns once it waits.
  void HoldNextSync();
  bool WaitForHeldSync(int timeout_ms);
  void ReleaseHeldSync();
};

}  // namespace sb::testing
