#include "support/test_database.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>
#include <pqxx/pqxx>
#include <sys/wait.h>
#include <unistd.h>

namespace sb::testing {
namespace {

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string WithDatabase(const std::string& admin_url, const std::string& name) {
  return admin_url.substr(0, admin_url.rfind('/') + 1) + name;
}

}  // namespace

bool TestingOnPostgres() {
  const char* store = std::getenv("SB_TEST_STORE");
  return store != nullptr && std::string(store) == "postgres";
}

std::string TestPostgresAdminUrl() {
  const char* dir = std::getenv("SB_TEST_POSTGRES_DIR");
  if (dir == nullptr)
    return {};
  return Trim(ReadFile(std::string(dir) + "/url"));
}

TestDatabase::TestDatabase(const TempDir& dir, bool postgres) : postgres_(postgres) {
  dump_path_ = dir.File("store-dump.sql");
  if (!postgres_) {
    url_ = dir.File("switchboard.db");
    return;
  }
  std::string admin = TestPostgresAdminUrl();
  if (admin.empty())
    throw std::runtime_error("no test PostgreSQL: SB_TEST_POSTGRES_DIR is unset");
  static std::atomic<int> counter{0};
  name_ = "sb_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  pqxx::connection c(admin);
  pqxx::nontransaction tx(c);
  tx.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  tx.exec("CREATE DATABASE " + name_);
  url_ = WithDatabase(admin, name_);
}

TestDatabase::~TestDatabase() {
  if (!postgres_)
    return;
  try {
    pqxx::connection c(TestPostgresAdminUrl());
    pqxx::nontransaction tx(c);
    tx.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster may be down on purpose (outage tests); the fixture removes it anyway.
  }
}

std::vector<std::string> TestDatabase::Row(const std::string& sql,
                                           const std::vector<std::string>& params) {
  std::vector<std::string> out;
  if (postgres_) {
    pqxx::connection c(url_);
    pqxx::nontransaction tx(c);
    auto rows = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params));
    if (rows.empty())
      return out;
    for (const auto& field : rows[0]) out.push_back(field.is_null() ? "" : field.as<std::string>());
    return out;
  }
  std::string sqlite_sql = sql;
  for (auto& c : sqlite_sql) {
    if (c == '$')
      c = '?';
  }
  SQLite::Database db(url_, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, sqlite_sql);
  for (std::size_t i = 0; i < params.size(); ++i) q.bind(static_cast<int>(i + 1), params[i]);
  if (!q.executeStep())
    return out;
  for (int i = 0; i < q.getColumnCount(); ++i) {
    out.push_back(q.getColumn(i).isNull() ? "" : q.getColumn(i).getString());
  }
  return out;
}

namespace {

class SqliteWriteBlock final : public TestDatabase::WriteBlock {
 public:
  explicit SqliteWriteBlock(const std::string& path) : db_(path, SQLite::OPEN_READWRITE) {
    db_.exec("BEGIN IMMEDIATE");
  }
  ~SqliteWriteBlock() override { Release(); }
  void Release() override {
    if (!released_)
      db_.exec("COMMIT");
    released_ = true;
  }

 private:
  SQLite::Database db_;
  bool released_ = false;
};

class PgWriteBlock final : public TestDatabase::WriteBlock {
 public:
  explicit PgWriteBlock(const std::string& url) : connection_(url), tx_(connection_) {
    // Inserts of resources wait; reads (tokens, projects) go on.
    tx_.exec("LOCK TABLE resources IN EXCLUSIVE MODE");
  }
  ~PgWriteBlock() override { Release(); }
  void Release() override {
    if (!released_)
      tx_.commit();
    released_ = true;
  }

 private:
  pqxx::connection connection_;
  pqxx::work tx_;
  bool released_ = false;
};

}  // namespace

std::unique_ptr<TestDatabase::WriteBlock> TestDatabase::BlockWrites() {
  if (postgres_)
    return std::make_unique<PgWriteBlock>(url_);
  return std::make_unique<SqliteWriteBlock>(url_);
}

std::string TestDatabase::CheckConsistency() {
  if (!postgres_)
    return Row("PRAGMA integrity_check", {}).at(0);
  auto orphans =
      Row("SELECT count(*) FROM sip_endpoints e LEFT JOIN resources r ON r.id = e.resource_id "
          "WHERE r.id IS NULL",
          {});
  return orphans.at(0) == "0" ? "ok" : orphans.at(0) + " endpoints without a resource";
}

std::string TestDatabase::Dump() {
  if (!postgres_) {
    std::string all;
    for (const char* suffix : {"", "-wal", "-shm"}) all += ReadFile(url_ + suffix);
    return all;
  }
  std::string command = "pg_dump --no-owner '" + url_ + "' > '" + dump_path_ + "'";
  if (std::system(command.c_str()) != 0)
    throw std::runtime_error("pg_dump failed");
  return ReadFile(dump_path_);
}

}  // namespace sb::testing
