#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "domain/error.h"
#include "storage/migration.h"
#include "storage/sqlite/sqlite_vfs.h"
#include "storage/sqlite/sqlite_write_queue.h"

namespace sb {

class SqliteCheckpointer;

// One SQLite connection with a cache of prepared statements, so hot queries are parsed once.
// Not thread-safe: SqliteDatabase lends each connection to one thread at a time.
class SqliteConnection {
 public:
  // How the connection writes the WAL (storage/sqlite/sqlite_vfs.h).
  using WalWrites = SqliteWalWrites;

  explicit SqliteConnection(const std::string& path, WalWrites wal_writes = WalWrites::kDirect);

  // A prepared statement for `sql`, reset and with its bindings cleared, ready to bind.
  SQLite::Statement& Prepare(const std::string& sql);
  SQLite::Database& db() { return db_; }

  // Resets the statements prepared since the last call; leases call this on return (a statement
  // left mid-result would make a later COMMIT fail). (Resetting every cached statement cost 6% of
  // a GET by id.)
  void ResetUsed();

  // Syncs this connection's WAL file (fdatasync): every frame written before the call, by any
  // connection, is then on disk. Throws SQLite::Exception on failure.
  void SyncWal();

  // The sqlite3_stmt behind a statement from Prepare (SQLiteCpp keeps it private), for SqliteRow.
  sqlite3_stmt* Handle(const SQLite::Statement& statement) const;

  // A read transaction kept open from one lease to the next (SqliteDatabase::Read says when it
  // may be reused): `commits` is the database's commit count read before it began.
  struct HeldSnapshot {
    std::uint64_t commits = 0;
    std::chrono::steady_clock::time_point began;
  };
  // Opens a read transaction (BEGIN; SQLite takes the snapshot at the first statement).
  void HoldSnapshot(HeldSnapshot tag);
  // Ends the held read transaction, if any. Statements must be reset first (ResetUsed).
  void EndSnapshot();
  const std::optional<HeldSnapshot>& held_snapshot() const { return held_; }

 private:
  SQLite::Database db_;
  std::optional<HeldSnapshot> held_;
  std::map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
  std::unordered_map<const SQLite::Statement*, sqlite3_stmt*> handles_;
  std::vector<SQLite::Statement*> used_;
};

// The current row of a statement from SqliteConnection::Prepare, read through SQLite's own
// column functions. SQLiteCpp's Column holds a shared_ptr to its statement, copied and released
// for every column read: with ~40 columns a row that was 9% of a list of 50 endpoints.
class SqliteRow {
 public:
  SqliteRow(const SqliteConnection& connection, const SQLite::Statement& statement)
      : statement_(connection.Handle(statement)) {}

  bool IsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  // Valid until the statement steps or is reset; empty for NULL.
  std::string_view Text(int column) const;
  std::string String(int column) const { return std::string(Text(column)); }
  std::optional<std::string> OptionalString(int column) const;
  std::int64_t Int64(int column) const { return sqlite3_column_int64(statement_, column); }
  std::vector<std::uint8_t> Blob(int column) const;

 private:
  sqlite3_stmt* statement_;
};

// The embedded store's file: a small pool of connections in WAL mode (readers never wait for
// the writer), with the schema migrated on open and the WAL checkpointed in the background
// (SqliteCheckpointer). Durability: a write is acknowledged only once the WAL holding it is
// synced, so it survives a kill -9 and a power cut (docs/design/sqlite-durability.md). Thread-safe.
class SqliteDatabase {
 public:
  SqliteDatabase(const std::string& path, std::size_t pool_size)
      : SqliteDatabase(path, pool_size, Options{}) {}
  ~SqliteDatabase();

  // Tuning; the defaults are what `serve` uses.
  struct Options {
    // How long a read transaction may be reused by later reads when nothing was committed
    // through this object meanwhile. Writes of this process are seen at once whatever the value;
    // it bounds how late a read sees a write made by another process on the same file, and how
    // long an idle connection holds an old snapshot (which keeps checkpoints from finishing).
    std::chrono::microseconds snapshot_reuse{std::chrono::milliseconds(5)};
  };

  // Opens or creates the file and applies pending migrations. Throws on failure (start-up only).
  SqliteDatabase(const std::string& path, std::size_t pool_size, Options options);

  // Runs the reads of `work` on a borrowed connection, mapping SQLite exceptions to errors: a
  // UNIQUE violation to kAlreadyExists, busy/locked/I/O to kUnavailable, anything else to
  // kInternal. Every statement of `work` reads one snapshot, which includes every write this
  // object has acknowledged.
  //
  // Snapshots are reused: starting and ending a read transaction for each request (the shared-
  // memory locks and their fcntl, the WAL header checks) was about a tenth of a GET by id. A
  // connection keeps its read transaction open when it goes back to the pool, and the next read on
  // it reuses the snapshot if no write has committed through this object since it began and it is
  // younger than Options::snapshot_reuse; otherwise it starts a new one. A thread of this object
  // ends the snapshots of connections left idle past that age (docs/design/sqlite-durability.md).
  template <class T>
  Result<T> Read(const std::function<Result<T>(SqliteConnection&)>& work);

  // As Read, in a write transaction; an error (returned or thrown) undoes what `work` did.
  //
  // Group commit (SqliteWriteQueue): writes queue for one writer thread, which runs whatever is
  // queued (at most SqliteWriteQueue::kMaxBatch) in one transaction, each write inside its own
  // savepoint, with one COMMIT for all (LevelDB's writer queue). Each write still sees the ones
  // before it and succeeds or fails on its own. A syncer thread then syncs the WAL once for every
  // batch committed since its last sync, and only then are those writes answered; meanwhile the
  // writer commits the next batch, so readers may see a batch before its sync returns (never an
  // acknowledgement before it). `work` runs on the writer thread and must not call Write itself.
  template <class T>
  Result<T> Write(const std::function<Result<T>(SqliteConnection&)>& work);

  // As Write, answered through `done` on a thread of the write queue once the write is durable
  // (or has failed), so that no thread of the caller's waits meanwhile. `done` must not block,
  // throw or call Write (the queue's thread would wait for itself).
  template <class T>
  void WriteAsync(std::function<Result<T>(SqliteConnection&)> work,
                  std::function<void(Result<T>)> done);

  // Returns once every write queued so far has been answered (a write waits at most for the
  // busy timeout): for a server that has stopped serving, before it is destroyed.
  void WaitForWrites();

  // Maps an exception from SQLite as Read describes.
  static Error MapException(const std::exception& e);

  // The schema version after migration (the highest applied).
  int schema_version() const { return schema_version_; }

 private:
  class Lease;
  std::unique_ptr<SqliteConnection> Acquire();
  void Release(std::unique_ptr<SqliteConnection> connection);
  // Before a read: keeps the connection's snapshot if it may be reused, else starts a new one.
  void RenewSnapshot(SqliteConnection& connection);
  bool MayReuse(const SqliteConnection::HeldSnapshot& snapshot,
                std::chrono::steady_clock::time_point now) const;
  // The reaper thread: ends the snapshots of idle connections once they are too old to reuse.
  void ReapIdleSnapshots();
  void Migrate(SqliteConnection& connection);

  std::string path_;
  // Before the pool: destroyed after every pool connection is closed.
  std::unique_ptr<SqliteCheckpointer> checkpointer_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;
  int schema_version_ = 0;

  const Options options_;
  // Write transactions that ended through this object (a snapshot older than the last one may
  // miss an acknowledged write, and is not reused).
  std::atomic<std::uint64_t> commits_{0};
  // The reaper (under mutex_): it sleeps without a deadline while no idle connection holds a
  // snapshot, and Release wakes it.
  std::condition_variable reaper_wake_;
  bool reaper_sleeping_ = false;
  bool stopping_ = false;
  std::thread reaper_;

  std::unique_ptr<SqliteWriteQueue> writes_;  // after commits_, which it counts
};

// The embedded migrations (generated from storage/sqlite/migrations/*.sql).
std::span<const Migration> SqliteMigrations();

}  // namespace sb

#include "storage/sqlite/sqlite_database_inl.h"
