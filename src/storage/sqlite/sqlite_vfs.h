#pragma once

#include <string>

namespace sb {

// How a connection writes its WAL (SqliteConnection takes it).
enum class SqliteWalWrites {
  // Frame by frame, as SQLite does by itself.
  kDirect,
  // One write per commit, published unsynced: only for a connection whose commits something
  // else syncs before they are acknowledged (the group commit's writer). See below.
  kGatheredPerCommit,
};

// The name of the SQLite VFS that every connection of the store opens with, registered on first
// use over the default VFS of that moment (a test's counting VFS, say). Two things over SQLite's:
//
// Large writes are cut into pieces. SQLite's unix VFS takes writes of under 128 KiB only (it
// masks the length with 0x1ffff and reports the write it cut short as SQLITE_FULL), yet SQLite
// spills an in-memory statement journal to its file in chunks the size of the spill threshold,
// which the store raises to 4 MiB (ConfigureSqlite): without this a savepoint or statement whose
// journal outgrew 4 MiB failed with "database or disk is full".
//
// kGatheredPerCommit: SQLite writes a WAL frame as two `pwrite` calls (its 24-byte header, then
// the page), so a batch of creates that dirties 200 pages made 400 calls, each handling one or
// two of the kernel's pages; under creates at 1,000,000 endpoints they were half of the writer
// thread's time. This VFS gathers the appends to a WAL file in memory and writes them in a few
// large calls when SQLite asks for a sync, which a connection at `synchronous=FULL` does at every
// commit after writing its frames and before it publishes them to other connections (the
// wal-index), so a reader never looks for a frame that is not in the file yet. It also writes
// what it holds before a read, size, truncate or close of the file, and before a write that is
// not an append.
//
// That sync request is only a write here: the writer's commits are made durable by the syncer
// thread's own sync of the WAL before anyone is answered (docs/design/sqlite-durability.md), and
// fdatasync on any descriptor of the file covers them. Syncs asked with SQLITE_SYNC_FULL still
// sync, and `checkpoint_fullfsync` makes the checkpoints' syncs FULL (a checkpoint must have the
// WAL on disk before it overwrites the database file). So a connection with kGatheredPerCommit
// runs at `synchronous=FULL` with `checkpoint_fullfsync=ON` and `fullfsync=OFF`; SqliteConnection
// sets them.
std::string SqliteVfsName(SqliteWalWrites wal_writes);

}  // namespace sb
