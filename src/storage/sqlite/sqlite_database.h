#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "domain/error.h"
#include "storage/migration.h"

namespace sb {

// One SQLite connection with a cache of prepared statements, so hot queries are parsed once.
// Not thread-safe: SqliteDatabase lends each connection to one thread at a time.
class SqliteConnection {
 public:
  explicit SqliteConnection(const std::string& path);

  // A prepared statement for `sql`, reset and with its bindings cleared, ready to bind.
  SQLite::Statement& Prepare(const std::string& sql);
  SQLite::Database& db() { return db_; }

  // Resets every cached statement. A statement left mid-result keeps its read transaction open,
  // which would pin an old snapshot and block checkpoints; leases call this on return.
  void ResetAll();

 private:
  SQLite::Database db_;
  std::map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

// The embedded store's file: a small pool of connections in WAL mode (readers never wait for
// the writer), with the schema migrated on open. Durability: synchronous=FULL, so a write is on
// disk before it is acknowledged and survives a kill -9 and a power cut (docs/design/
// sqlite-durability.md). Thread-safe.
class SqliteDatabase {
 public:
  // Opens or creates the file and applies pending migrations. Throws on failure (start-up only).
  SqliteDatabase(const std::string& path, std::size_t pool_size);

  // Runs `work` on a borrowed connection, mapping SQLite exceptions to errors: a UNIQUE violation
  // to kAlreadyExists, busy/locked/I/O to kUnavailable, anything else to kInternal.
  template <class T>
  Result<T> Run(const std::function<Result<T>(SqliteConnection&)>& work);

  // As Run, inside BEGIN IMMEDIATE ... COMMIT; an error (returned or thrown) rolls back.
  template <class T>
  Result<T> Write(const std::function<Result<T>(SqliteConnection&)>& work);

  // The schema version after migration (the highest applied).
  int schema_version() const { return schema_version_; }

 private:
  class Lease;
  std::unique_ptr<SqliteConnection> Acquire();
  void Release(std::unique_ptr<SqliteConnection> connection);
  void Migrate(SqliteConnection& connection);
  static Error MapException(const std::exception& e);

  std::string path_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;
  int schema_version_ = 0;
};

// The embedded migrations (generated from storage/sqlite/migrations/*.sql).
std::span<const Migration> SqliteMigrations();

}  // namespace sb

#include "storage/sqlite/sqlite_database_inl.h"
