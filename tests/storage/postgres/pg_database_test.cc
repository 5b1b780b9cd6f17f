// PgDatabase's pool against the test cluster: which failures retire the open connections.
#include "storage/postgres/pg_database.h"

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "support/temp_dir.h"
#include "support/test_database.h"

namespace sb::testing {
namespace {

class PgDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestPostgresAdminUrl().empty())
      GTEST_SKIP() << "no test PostgreSQL (ctest's `postgres` fixture starts one)";
    database_ = std::make_unique<TestDatabase>(dir_, true);
  }

  // The backend serving a call: the same pid means the same connection.
  static Result<std::string> BackendPid(PgDatabase& db) {
    return db.Read<std::string>([](PgTransaction& tx) -> Result<std::string> {
      return tx.Exec("SELECT pg_backend_pid()::text")[0][0].as<std::string>();
    });
  }

  // Lets new connections into the test's database, or turns them away (superusers too).
  void AllowConnections(bool allow) {
    const std::string& url = database_->url();
    std::string name = url.substr(url.rfind('/') + 1);
    name = name.substr(0, name.find('?'));
    pqxx::connection admin(TestPostgresAdminUrl());
    pqxx::nontransaction(admin).exec("ALTER DATABASE " + admin.quote_name(name) +
                                     " ALLOW_CONNECTIONS " + (allow ? "true" : "false"));
  }

  TempDir dir_;
  std::unique_ptr<TestDatabase> database_;
};

// A connect that fails (on a loaded machine, one that outlasts connect_timeout) fails its own
// call and leaves the open connections alone. It used to retire the whole pool, as a broken
// connection does, so that every call connected again: under load a storm of connects that timed
// out in turn (a 30,000-endpoint load made 3,686 sessions and took 133 s; now 68 and 36 s).
TEST_F(PgDatabaseTest, AFailedConnectRetiresNoOpenConnection) {
  PgDatabase db(database_->url(), 2);
  auto first = BackendPid(db);
  ASSERT_TRUE(first) << first.error().internal;
  // While the open connection is lent out, a second call needs a connection of its own.
  auto outer = db.Read<std::string>([&](PgTransaction& tx) -> Result<std::string> {
    AllowConnections(false);
    auto refused = BackendPid(db);
    AllowConnections(true);
    EXPECT_FALSE(refused);
    if (!refused)
      EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable) << refused.error().internal;
    return tx.Exec("SELECT pg_backend_pid()::text")[0][0].as<std::string>();
  });
  ASSERT_TRUE(outer) << outer.error().internal;
  EXPECT_EQ(*outer, *first);
  auto after = BackendPid(db);
  ASSERT_TRUE(after) << after.error().internal;
  EXPECT_EQ(*after, *first);  // still the connection opened first
}

}  // namespace
}  // namespace sb::testing
