#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "domain/error.h"
#include "storage/migration.h"

namespace sb {

// Statement parameters as text (PostgreSQL converts them to the column types); nullopt is NULL.
using PgParams = std::vector<std::optional<std::string>>;

// One transaction on a pooled connection, or a run of autocommitted statements (reads that need
// no common snapshot: no BEGIN and COMMIT round trips). Statements are prepared once per
// connection, named after their text, so every query runs as a prepared statement.
class PgTransaction {
 public:
  PgTransaction(pqxx::connection& connection, std::set<std::string>& prepared, bool autocommit)
      : connection_(connection), prepared_(prepared) {
    if (autocommit) {
      tx_ = std::make_unique<pqxx::nontransaction>(connection);
    } else {
      tx_ = std::make_unique<pqxx::work>(connection);
    }
  }
  pqxx::result Exec(const std::string& sql, const PgParams& params = {});
  void Commit() { tx_->commit(); }

 private:
  pqxx::connection& connection_;
  std::set<std::string>& prepared_;
  std::unique_ptr<pqxx::transaction_base> tx_;
};

// The scale-out store's server: a bounded pool of connections to one PostgreSQL database, with
// the schema migrated at start under an advisory lock (so several processes may start at once).
//
// Failures: a connection that breaks is dropped, and so is every connection opened before it
// (a server restart breaks them all), so service resumes by itself when the server is back;
// meanwhile calls answer kUnavailable at once. A connect that fails only fails its call.
// Thread-safe.
class PgDatabase {
 public:
  // `url`: a libpq URI (postgres://user@host:port/db). Throws on failure (start-up only).
  PgDatabase(std::string url, std::size_t pool_size);
  ~PgDatabase();

  // Runs `work` in one transaction, committed when it returns a value and rolled back when it
  // returns an error. Unique violations map to kAlreadyExists, foreign-key violations to
  // kFailedPrecondition, lost connections and shutdowns to kUnavailable, the rest to kInternal.
  template <class T>
  Result<T> Transact(const std::function<Result<T>(PgTransaction&)>& work);
  // As Transact, but each statement commits by itself: for reads of one statement, or of several
  // that need no common snapshot. Saves the BEGIN and COMMIT round trips (a third of a GET's).
  template <class T>
  Result<T> Read(const std::function<Result<T>(PgTransaction&)>& work);

  // The server's libpq URI, as connections are opened with it.
  const std::string& url() const { return url_; }

 private:
  struct Slot {
    std::unique_ptr<pqxx::connection> connection;
    std::set<std::string> prepared;
    std::uint64_t generation = 0;
  };
  class Lease;
  template <class T>
  Result<T> Run(const std::function<Result<T>(PgTransaction&)>& work, bool autocommit);
  Slot* Acquire();
  void Release(Slot* slot, bool broken);
  void Migrate();
  static Error MapException(const std::exception& e);

  std::string url_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<Slot*> idle_;
  std::uint64_t generation_ = 1;  // connections older than this are discarded on acquire
};

// The embedded migrations (generated from storage/postgres/migrations/*.sql).
std::span<const Migration> PostgresMigrations();

}  // namespace sb

#include "storage/postgres/pg_database_inl.h"
