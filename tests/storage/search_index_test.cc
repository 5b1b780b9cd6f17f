// The substring filters are served by an index on both stores (issue: filters stay fast at
// scale), shown by the plans the databases choose, not assumed.
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "storage/postgres/pg_endpoint_store.h"
#include "storage/sqlite/sqlite_endpoint_store.h"
#include "storage/store_fixture.h"

namespace sb::testing {
namespace {

constexpr const char* kProject = "01900000-0000-7000-8000-00000000000a";

class SearchIndexTest : public StoreTest {
 protected:
  // Endpoints desk-10000+first ... desk-10000+last-1 of kProject.
  void InsertDesks(int first, int last) {
    for (int i = first; i < last; ++i) {
      StoredEndpoint e;
      char id[40];
      std::snprintf(id, sizeof id, "01900000-0000-7000-8000-%012d", i);
      e.endpoint = {.id = id,
                    .resource_id = std::string(id).replace(14, 1, "8"),
                    .address_id = std::string(id).replace(14, 1, "9"),
                    .project_id = kProject,
                    .username = "desk-" + std::to_string(10000 + i)};
      ASSERT_TRUE(stores_.endpoints->Insert(e));
    }
  }
};

TEST_P(SearchIndexTest, FilteredListsUseTheirIndex) {
  MakeProject(kProject, "alpha");
  EndpointListQuery query{kProject, std::string("desk-0042"), std::string("Front"), {}, 50};
  std::string plan;
  if (GetParam() == "sqlite") {
    InsertDesks(0, 50);
    auto& sqlite = dynamic_cast<SqliteEndpointStore&>(*stores_.endpoints);
    plan = sqlite.ExplainListForTest(query).value();
    EXPECT_NE(plan.find("SEARCH sip_endpoint_suffixes USING PRIMARY KEY"), std::string::npos)
        << plan;
    // Joined, not gathered into a `rowid IN (...)` list first (a temporary b-tree per request).
    EXPECT_EQ(plan.find("LIST SUBQUERY"), std::string::npos) << plan;
    // One sort, of the matches' ids and rowids, handed over in order by a co-routine: the page's
    // rows are read after it, never sorted whole.
    EXPECT_NE(plan.find("CO-ROUTINE"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("FOR ORDER BY"), std::string::npos) << plan;
    // A needle in nearly every row walks the project's rows newest first instead.
    InsertDesks(50, 2100);
    std::string broad =
        sqlite.ExplainListForTest({kProject, std::string("desk"), {}, {}, 50}).value();
    EXPECT_EQ(broad.find("sip_endpoint_suffixes"), std::string::npos) << broad;
  } else {
    // Enough rows, analysed, for the planner to weigh its options honestly.
    pqxx::connection c(database_->url());
    pqxx::work tx(c);
    tx.exec(
        "INSERT INTO resources (id, project_id, type, created_at) "
        "SELECT ('01900000-0000-7000-9000-' || lpad(n::text, 12, '0'))::uuid, '" +
        std::string(kProject) + "', 'sip_endpoint', n FROM generate_series(1, 20000) n");
    tx.exec(
        "INSERT INTO sip_endpoints (id, resource_id, address_id, project_id, username, caller_id, "
        "ciphers, codecs, encryption, call_handler, created_at, updated_at) "
        "SELECT ('01900000-0000-7000-8000-' || lpad(n::text, 12, '0'))::uuid, "
        "('01900000-0000-7000-9000-' || lpad(n::text, 12, '0'))::uuid, "
        "('01900000-0000-7000-a000-' || lpad(n::text, 12, '0'))::uuid, '" +
        std::string(kProject) +
        "', 'desk-' || n, 'Front ' || n, '', '', 'default', 'default', n, n "
        "FROM generate_series(1, 20000) n");
    tx.exec("ANALYZE sip_endpoints");
    tx.commit();
    plan = dynamic_cast<PgEndpointStore&>(*stores_.endpoints).ExplainListForTest(query).value();
    EXPECT_NE(plan.find("sip_endpoint_suffixes_pkey"), std::string::npos) << plan;
    auto& pg = dynamic_cast<PgEndpointStore&>(*stores_.endpoints);
    std::string broad = pg.ExplainListForTest({kProject, std::string("desk"), {}, {}, 50}).value();
    EXPECT_EQ(broad.find("sip_endpoint_suffixes"), std::string::npos) << broad;
    RecordProperty("plan", plan);
  }
  auto page = stores_.endpoints->List({kProject, std::string("K-1004"), {}, {}, 50});
  ASSERT_TRUE(page);
  EXPECT_FALSE(page->rows.empty());
}

INSTANTIATE_TEST_SUITE_P(Stores, SearchIndexTest, ::testing::Values("sqlite", "postgres"),
                         StoreName);

}  // namespace
}  // namespace sb::testing
