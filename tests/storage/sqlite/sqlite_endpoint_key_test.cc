// Endpoints stored under the rowid their id gives (storage/sqlite/sqlite_endpoint_key.h): the
// key itself, where a store puts rows, and that every row is still found when the key is taken
// or absent.
#include "storage/sqlite/sqlite_endpoint_key.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include "app/stores.h"
#include "domain/ids.h"
#include "domain/project.h"
#include "storage/sqlite/sqlite_endpoint_rows.h"
#include "support/fakes.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

namespace sb {
namespace {

constexpr std::int64_t kEpochMillis = 1735689600000;  // 2025-01-01T00:00:00Z

TEST(EndpointRowidFor, IsTheMillisecondsSince2025TimesSixtyFourPlusTheCounter) {
  // 0x019a00000000 ms is 2025-10-20; counter 0x02a = 42.
  EXPECT_EQ(EndpointRowidFor("019a0000-0000-702a-8123-456789abcdef"),
            (0x019a00000000 - kEpochMillis) * 64 + 42);
  EXPECT_EQ(EndpointRowidFor("01941f29-7c00-7000-bfff-ffffffffffff"), 0);  // 2025-01-01, first
  EXPECT_EQ(EndpointRowidFor("01941f29-7c00-703f-8000-000000000000"), 63);
}

TEST(EndpointRowidFor, HasNoneForIdsItCannotKeyUniquely) {
  for (const char* id : {
           "01941f29-7c00-7040-8000-000000000000",  // counter 64: over 64 in one millisecond
           "01941f29-7bff-7000-8000-000000000000",  // 2024
           "019a0000-0000-402a-8123-456789abcdef",  // UUIDv4
           "019A0000-0000-702A-8123-456789ABCDEF",  // not the stored (lower-case) form
           "019a0000-0000-702g-8123-456789abcdef",  // not hexadecimal
           "019a0000-0000-702a-8123-456789abcde",   // short
           "019a0000x0000-702a-8123-456789abcdef",
           "",
       }) {
    EXPECT_EQ(EndpointRowidFor(id), std::nullopt) << id;
  }
}

TEST(EndpointRowidFor, KeysAGeneratorsIdsInTheirOrderUnderTwoToThe47) {
  testing::FakeClock clock(1'764'979'200'000'000);  // 2025-12-06
  testing::CountingRandom random;
  IdGenerator ids(clock, random);
  std::int64_t last = -1;
  for (int ms = 0; ms < 100; ++ms) {
    clock.Advance(1000);
    for (int n = 0; n < 64; ++n) {  // 64 ids in one millisecond: counters 0 to 63
      auto key = EndpointRowidFor(ids.NewId());
      ASSERT_TRUE(key) << ms << " " << n;
      ASSERT_GT(*key, last);
      last = *key;
    }
    EXPECT_EQ(EndpointRowidFor(ids.NewId()), std::nullopt);  // the 65th
  }
  // Six bytes in a record until 2^47: 2^41 milliseconds after 2025, in September 2094.
  EXPECT_LT(*EndpointRowidFor("03900000-0000-703f-8000-000000000000"), std::int64_t{1} << 47);
}

constexpr const char* kProject = "01900000-0000-7000-8000-00000000000a";

class SqliteEndpointRowidTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = std::make_unique<testing::TestDatabase>(dir_, false);
    stores_ = OpenStores(database_->url(), 4);
    ASSERT_TRUE(
        stores_.projects->CreateProject(Project{kProject, "p", NewProjectProfile("alpha"), 1}));
  }
  void TearDown() override { stores_ = Stores{}; }

  StoredEndpoint Endpoint(const std::string& id, const std::string& username) {
    StoredEndpoint s;
    s.endpoint.id = id;
    s.endpoint.resource_id = std::string(id).replace(19, 1, "9");
    s.endpoint.address_id = std::string(id).replace(19, 1, "a");
    s.endpoint.project_id = kProject;
    s.endpoint.username = username;
    return s;
  }
  std::string RowidOf(const std::string& id) {
    return database_->Row("SELECT rowid FROM sip_endpoints WHERE id = $1", {id})[0];
  }
  // Each of `endpoints` found by both of its ids, whichever the hint names.
  void ExpectEachFound(const std::vector<StoredEndpoint>& endpoints) {
    for (const auto& s : endpoints) {
      for (IdHint hint : {IdHint::kEndpointId, IdHint::kResourceId}) {
        for (const std::string& id : {s.endpoint.id, s.endpoint.resource_id}) {
          auto read = stores_.endpoints->GetWithProfile(kProject, id, hint);
          ASSERT_TRUE(read) << id;
          EXPECT_EQ(read->stored.endpoint, s.endpoint) << id;
        }
      }
    }
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  Stores stores_;
};

TEST_F(SqliteEndpointRowidTest, AnEndpointIsStoredUnderTheRowidItsIdGives) {
  StoredEndpoint s = Endpoint("019a0000-0000-702a-8123-456789abcdef", "alice");
  ASSERT_TRUE(stores_.endpoints->Insert(s));
  EXPECT_EQ(RowidOf(s.endpoint.id), std::to_string(*EndpointRowidFor(s.endpoint.id)));
  ExpectEachFound({s});
}

// Two ids of one millisecond and counter (two generators, or a clock stepped back across a
// restart) share a key: the second gets a rowid of SQLite's choosing, and a row stored before
// keys existed has one too. Each is still found by either id.
TEST_F(SqliteEndpointRowidTest, RowsWhoseKeyIsTakenOrAbsentAreFoundThroughTheIdIndex) {
  StoredEndpoint first = Endpoint("019a0000-0000-702a-8123-456789abcdef", "alice");
  StoredEndpoint same_key = Endpoint("019a0000-0000-702a-8fed-cba987654321", "bob");
  StoredEndpoint keyless = Endpoint("01900000-0000-7000-8000-000000000001", "carol");
  for (const auto* s : {&first, &same_key, &keyless}) ASSERT_TRUE(stores_.endpoints->Insert(*s));
  EXPECT_EQ(RowidOf(first.endpoint.id), std::to_string(*EndpointRowidFor(first.endpoint.id)));
  EXPECT_NE(RowidOf(same_key.endpoint.id), RowidOf(first.endpoint.id));
  ExpectEachFound({first, same_key, keyless});
  // A row whose key another row now holds is not mistaken for it.
  auto missing = stores_.endpoints->GetWithProfile(kProject, "019a0000-0000-702a-8000-000000000000",
                                                   IdHint::kEndpointId);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

// The first lookup of a GET by endpoint id is one descent of the table by rowid, not the id
// index's: what the key is for.
TEST_F(SqliteEndpointRowidTest, AGetByEndpointIdLooksUpTheRowidFirst) {
  SQLite::Database db(database_->url(), SQLite::OPEN_READONLY);
  SQLite::Statement plan(db,
                         "EXPLAIN QUERY PLAN " + SelectEndpointWithProfileSql(IdHint::kEndpointId));
  std::vector<std::string> steps;
  while (plan.executeStep()) steps.push_back(plan.getColumn(3).getString());
  auto first_endpoint_step = std::find_if(steps.begin(), steps.end(), [](const std::string& s) {
    return s.find("sip_endpoints") != std::string::npos;
  });
  ASSERT_NE(first_endpoint_step, steps.end());
  EXPECT_NE(first_endpoint_step->find("INTEGER PRIMARY KEY (rowid=?)"), std::string::npos)
      << *first_endpoint_step;
}

}  // namespace
}  // namespace sb
