#include "storage/postgres/pg_database.h"

#include <chrono>
#include <functional>

#include "storage/postgres/pg_errors.h"

namespace sb {
namespace {

// Serialises schema migration across every process that starts on one database.
constexpr long long kMigrationLockKey = 0x5357424452444231;  // "SWBDRDB1"

// Fail fast when the server is unreachable, rather than after libpq's default of forever.
std::string WithConnectTimeout(std::string url) {
  if (url.find("connect_timeout=") != std::string::npos)
    return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=3";
}

}  // namespace

pqxx::result PgTransaction::Exec(const std::string& sql, const PgParams& params) {
  std::string name = "sb_" + std::to_string(std::hash<std::string>{}(sql));
  if (prepared_.insert(name).second)
    connection_.prepare(name, sql);
  return tx_->exec_prepared(name, pqxx::prepare::make_dynamic_params(params));
}

PgDatabase::PgDatabase(std::string url, std::size_t pool_size)
    : url_(WithConnectTimeout(std::move(url))) {
  Migrate();
  for (std::size_t i = 0; i < std::max<std::size_t>(1, pool_size); ++i) {
    slots_.push_back(std::make_unique<Slot>());
    idle_.push_back(slots_.back().get());
  }
}

PgDatabase::~PgDatabase() = default;

PgDatabase::Slot* PgDatabase::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty(); });
  Slot* slot = idle_.back();
  idle_.pop_back();
  if (slot->connection && slot->generation < generation_)
    slot->connection.reset();
  if (!slot->connection)
    slot->generation = generation_;
  return slot;
}

void PgDatabase::Release(Slot* slot, bool broken) {
  {
    std::lock_guard lock(mutex_);
    if (broken) {
      slot->connection.reset();
      // Its siblings are most likely broken too (the server restarted): retire them all.
      ++generation_;
    }
    idle_.push_back(slot);
  }
  available_.notify_one();
}

void PgDatabase::Migrate() {
  pqxx::connection connection(url_);
  // Session-level statements, each in its own short transaction object: pqxx allows one open
  // transaction per connection, and the advisory lock outlives them all.
  auto run = [&](const std::string& sql) {
    pqxx::nontransaction session(connection);
    return session.exec(sql);
  };
  run("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
  try {
    run("CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)");
    int current = run("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0].as<int>();
    for (const auto& m : PostgresMigrations()) {
      if (m.version <= current)
        continue;
      pqxx::work tx(connection);
      tx.exec(std::string(m.sql));
      tx.exec_params("INSERT INTO schema_migrations VALUES ($1, $2, $3)", m.version,
                     std::string(m.name),
                     static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count()));
      tx.commit();
    }
  } catch (...) {
    run("SELECT pg_advisory_unlock_all()");
    throw;
  }
  run("SELECT pg_advisory_unlock_all()");
}

Error PgDatabase::MapException(const std::exception& e) {
  if (dynamic_cast<const pqxx::unique_violation*>(&e))
    return Error::AlreadyExists(e.what());
  if (dynamic_cast<const pqxx::foreign_key_violation*>(&e)) {
    return Error::FailedPrecondition({}, e.what());
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&e) ||
      dynamic_cast<const pqxx::in_doubt_error*>(&e)) {
    return Error::Unavailable(std::string("postgres: ") + e.what());
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e))
    return PgErrorFromSqlState(sql->sqlstate(), e.what());
  return Error::Internal(std::string("postgres: ") + e.what());
}

}  // namespace sb
