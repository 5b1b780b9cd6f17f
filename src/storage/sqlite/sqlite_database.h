#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "domain/error.h"
#include "storage/migration.h"

namespace sb {

class SqliteCheckpointer;

// One SQLite connection with a cache of prepared statements, so hot queries are parsed once.
// Not thread-safe: SqliteDatabase lends each connection to one thread at a time.
class SqliteConnection {
 public:
  explicit SqliteConnection(const std::string& path);

  // A prepared statement for `sql`, reset and with its bindings cleared, ready to bind.
  SQLite::Statement& Prepare(const std::string& sql);
  SQLite::Database& db() { return db_; }

  // Resets the statements prepared since the last call. A statement left mid-result keeps its
  // read transaction open, which would pin an old snapshot and block checkpoints; leases call
  // this on return. (Resetting every cached statement cost 6% of a GET by id.)
  void ResetUsed();

  // The sqlite3_stmt behind a statement from Prepare (SQLiteCpp keeps it private), for SqliteRow.
  sqlite3_stmt* Handle(const SQLite::Statement& statement) const;

 private:
  SQLite::Database db_;
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
// (SqliteCheckpointer). Durability: synchronous=FULL, so a write is on
// disk before it is acknowledged and survives a kill -9 and a power cut (docs/design/
// sqlite-durability.md). Thread-safe.
class SqliteDatabase {
 public:
  // Opens or creates the file and applies pending migrations. Throws on failure (start-up only).
  SqliteDatabase(const std::string& path, std::size_t pool_size);
  ~SqliteDatabase();

  // Runs `work` on a borrowed connection, mapping SQLite exceptions to errors: a UNIQUE violation
  // to kAlreadyExists, busy/locked/I/O to kUnavailable, anything else to kInternal.
  template <class T>
  Result<T> Run(const std::function<Result<T>(SqliteConnection&)>& work);

  // As Run, with every statement of `work` in one read transaction: they see one snapshot, and
  // the locks are taken once instead of once a statement (for reads of several statements).
  template <class T>
  Result<T> Snapshot(const std::function<Result<T>(SqliteConnection&)>& work);

  // As Run, in a write transaction; an error (returned or thrown) undoes what `work` did.
  //
  // Group commit: writes that arrive while another is committing wait in a queue, and the first
  // of them then runs the whole queue in one transaction, each write inside its own savepoint,
  // with one COMMIT (one fsync) for all (LevelDB's writer queue). Each write still sees the ones
  // before it, succeeds or fails on its own, and returns only once durable. `work` must not call
  // Write itself.
  template <class T>
  Result<T> Write(const std::function<Result<T>(SqliteConnection&)>& work);

  // Writes committed together at most (a bound on one transaction's latency).
  static constexpr std::size_t kMaxBatch = 64;

  // The schema version after migration (the highest applied).
  int schema_version() const { return schema_version_; }

 private:
  class Lease;
  // One queued write: `run` executes it on the batch's connection and says whether it succeeded
  // (its savepoint is then released, else rolled back). `failure` is set when the batch as a
  // whole failed, which overrides whatever `run` produced.
  struct QueuedWrite {
    std::function<bool(SqliteConnection&)> run;
    std::optional<Error> failure;
    bool done = false;
    std::condition_variable wake;
  };
  // Queues `write` and returns when it is committed or has failed.
  void SubmitWrite(QueuedWrite& write);
  // Runs `batch` in one transaction (the leader's job).
  void CommitBatch(const std::vector<QueuedWrite*>& batch);
  std::unique_ptr<SqliteConnection> Acquire();
  void Release(std::unique_ptr<SqliteConnection> connection);
  void Migrate(SqliteConnection& connection);
  static Error MapException(const std::exception& e);

  std::string path_;
  // Before the pool: destroyed after every pool connection is closed.
  std::unique_ptr<SqliteCheckpointer> checkpointer_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;
  int schema_version_ = 0;

  std::mutex write_mutex_;
  std::deque<QueuedWrite*> writers_;  // the front one is the leader or about to be
};

// The embedded migrations (generated from storage/sqlite/migrations/*.sql).
std::span<const Migration> SqliteMigrations();

}  // namespace sb

#include "storage/sqlite/sqlite_database_inl.h"
