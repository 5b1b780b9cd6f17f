#include "storage/sqlite/wal_sync_vfs.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include <sqlite3.h>

namespace sb::testing {
namespace {

// What the VFS saw, shared by every file it opened (one WalSyncVfs at a time).
struct State {
  std::mutex mutex;
  std::condition_variable changed;
  std::uint64_t file_reads = 0;
  std::uint64_t wal_writes = 0;
  std::uint64_t synced = 0;
  bool fail_syncs = false;
  bool fail_wal_writes = false;
  enum class Hold { kNone, kArmed, kHolding } hold = Hold::kNone;
};

State* state = nullptr;
sqlite3_vfs* base = nullptr;
sqlite3_vfs vfs;

// Our file object, followed in the same allocation by the base VFS's (szOsFile says how much).
// SQLite allocates it 8-byte aligned.
struct File {  // 16 bytes: the base file after it stays 8-byte aligned
  sqlite3_file header;
  bool wal;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

File* Of(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
sqlite3_file* Real(sqlite3_file* f) { return Of(f)->real(); }

int Close(sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); }
int Read(sqlite3_file* f, void* out, int n, sqlite3_int64 at) {
  {
    std::lock_guard lock(state->mutex);
    ++state->file_reads;
  }
  return Real(f)->pMethods->xRead(Real(f), out, n, at);
}
int Write(sqlite3_file* f, const void* in, int n, sqlite3_int64 at) {
  if (Of(f)->wal) {
    std::lock_guard lock(state->mutex);
    if (state->fail_wal_writes)
      return SQLITE_IOERR_WRITE;
  }
  int rc = Real(f)->pMethods->xWrite(Real(f), in, n, at);
  if (Of(f)->wal && rc == SQLITE_OK) {
    std::lock_guard lock(state->mutex);
    ++state->wal_writes;
  }
  return rc;
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) {
  if (!Of(f)->wal)
    return Real(f)->pMethods->xSync(Real(f), flags);
  std::uint64_t covers = 0;
  {
    std::unique_lock lock(state->mutex);
    if (state->hold == State::Hold::kArmed) {
      state->hold = State::Hold::kHolding;
      state->changed.notify_all();
      state->changed.wait(lock, [] { return state->hold != State::Hold::kHolding; });
    }
    if (state->fail_syncs)
      return SQLITE_IOERR_FSYNC;
    covers = state->wal_writes;
  }
  int rc = Real(f)->pMethods->xSync(Real(f), flags);
  if (rc == SQLITE_OK) {
    std::lock_guard lock(state->mutex);
    state->synced = std::max(state->synced, covers);
  }
  return rc;
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  return Real(f)->pMethods->xFileSize(Real(f), size);
}
int Lock(sqlite3_file* f, int level) { return Real(f)->pMethods->xLock(Real(f), level); }
int Unlock(sqlite3_file* f, int level) { return Real(f)->pMethods->xUnlock(Real(f), level); }
int CheckReservedLock(sqlite3_file* f, int* out) {
  return Real(f)->pMethods->xCheckReservedLock(Real(f), out);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
  return Real(f)->pMethods->xFileControl(Real(f), op, arg);
}
int SectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) {
  return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
}
int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return Real(f)->pMethods->xShmMap(Real(f), region, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int remove) { return Real(f)->pMethods->xShmUnmap(Real(f), remove); }
int Fetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
  return Real(f)->pMethods->xFetch(Real(f), at, n, out);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 at, void* page) {
  return Real(f)->pMethods->xUnfetch(Real(f), at, page);
}

const sqlite3_io_methods kMethods = {
    3,
    Close,
    Read,
    Write,
    Truncate,
    Sync,
    FileSize,
    Lock,
    Unlock,
    CheckReservedLock,
    FileControl,
    SectorSize,
    DeviceCharacteristics,
    ShmMap,
    ShmLock,
    ShmBarrier,
    ShmUnmap,
    Fetch,
    Unfetch,
};

int Open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  File* file = Of(f);
  file->header.pMethods = nullptr;
  file->wal = (flags & SQLITE_OPEN_WAL) != 0;
  int rc = base->xOpen(base, name, file->real(), flags, out_flags);
  // SQLite calls xClose on a file whose pMethods is set, even after a failed open.
  if (file->real()->pMethods != nullptr)
    file->header.pMethods = &kMethods;
  return rc;
}

}  // namespace

WalSyncVfs::WalSyncVfs() {
  if (state != nullptr)
    throw std::logic_error("one WalSyncVfs at a time");
  if (sqlite3_initialize() != SQLITE_OK)
    throw std::runtime_error("sqlite3_initialize failed");
  base = sqlite3_vfs_find(nullptr);
  state = new State;
  vfs = *base;
  vfs.pNext = nullptr;
  vfs.zName = "sb_wal_sync";
  vfs.szOsFile = static_cast<int>(sizeof(File)) + base->szOsFile;
  vfs.xOpen = Open;
  sqlite3_vfs_register(&vfs, /*makeDflt=*/1);
}

WalSyncVfs::~WalSyncVfs() {
  sqlite3_vfs_unregister(&vfs);
  sqlite3_vfs_register(base, /*makeDflt=*/1);
  delete state;
  state = nullptr;
}

std::uint64_t WalSyncVfs::file_reads() const {
  std::lock_guard lock(state->mutex);
  return state->file_reads;
}

std::uint64_t WalSyncVfs::wal_writes() const {
  std::lock_guard lock(state->mutex);
  return state->wal_writes;
}

std::uint64_t WalSyncVfs::synced_wal_writes() const {
  std::lock_guard lock(state->mutex);
  return state->synced;
}

void WalSyncVfs::FailSyncs(bool fail) {
  std::lock_guard lock(state->mutex);
  state->fail_syncs = fail;
}

void WalSyncVfs::FailWalWrites(bool fail) {
  std::lock_guard lock(state->mutex);
  state->fail_wal_writes = fail;
}

void WalSyncVfs::HoldNextSync() {
  std::lock_guard lock(state->mutex);
  state->hold = State::Hold::kArmed;
}

bool WalSyncVfs::WaitForHeldSync(int timeout_ms) {
  std::unique_lock lock(state->mutex);
  return state->changed.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                                 [] { return state->hold == State::Hold::kHolding; });
}

void WalSyncVfs::ReleaseHeldSync() {
  {
    std::lock_guard lock(state->mutex);
    state->hold = State::Hold::kNone;
  }
  state->changed.notify_all();
}

}  // namespace sb::testing
