#pragma once

#include <memory>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace sb::testing {

// Which store the suites run on: SB_TEST_STORE=postgres selects PostgreSQL (the ctest fixture
// `postgres` starts a cluster and SB_TEST_POSTGRES_DIR names its folder); SQLite otherwise.
bool TestingOnPostgres();

// The URL of the test cluster's maintenance database; "" when none is running.
std::string TestPostgresAdminUrl();

// A fresh, empty database for one test: a SQLite file in `dir`, or a new database in the test
// cluster (dropped again on destruction).
class TestDatabase {
 public:
  TestDatabase(const TempDir& dir, bool postgres);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }  // what --database takes
  bool postgres() const { return postgres_; }

  // The first row of a query, as text ("" for NULL). Placeholders are written $1, $2, ...
  // (run as ?1, ?2, ... on SQLite); the SQL must be valid on both stores.
  std::vector<std::string> Row(const std::string& sql, const std::vector<std::string>& params);

  // Holds a lock that makes every endpoint write wait until Release() (or destruction).
  class WriteBlock {
   public:
    virtual ~WriteBlock() = default;
    virtual void Release() = 0;
  };
  std::unique_ptr<WriteBlock> BlockWrites();

  // The store's own consistency check: SQLite's integrity_check, and on PostgreSQL that no
  // endpoint lacks its resource row. "ok" when consistent.
  std::string CheckConsistency();
  // Every byte the store keeps (the files, or a pg_dump of the database).
  std::string Dump();

 private:
  bool postgres_;
  std::string url_;
  std::string name_;
  std::string dump_path_;
};

}  // namespace sb::testing
