// `switchboard copy`: a populated SQLite store moved to PostgreSQL answers the same reads.
#include <gtest/gtest.h>

#include "domain/digest.h"
#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

// Everything a client can read from a server, with links (which name the server) left out.
Json Reads(HttpClient& client, const std::vector<std::string>& ids) {
  Json reads = Json::object();
  for (const char* list : {kEndpoints, kFabricEndpoints, kResources, kWebhooks}) {
    Json rows = Json::array();
    std::string url = std::string(list) + "?page_size=3";
    while (!url.empty()) {
      auto page = client.Get(url).Json();
      for (auto& row : page["data"]) rows.push_back(row);
      url = page["links"].contains("next") ? page["links"]["next"].get<std::string>() : "";
    }
    reads[list] = rows;
  }
  for (const auto& id : ids) {
    reads["relay/" + id] = client.Get(std::string(kEndpoints) + "/" + id).Json();
    reads["fabric/" + id] = client.Get(std::string(kFabricEndpoints) + "/" + id).Json();
  }
  reads["profile"] = client.Get(kProfile).Json();
  return reads;
}

class StoreCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestPostgresAdminUrl().empty())
      GTEST_SKIP() << "needs the test PostgreSQL cluster (ctest fixture `postgres`)";
    sqlite_ = std::make_unique<TestDatabase>(dir_, false);
    postgres_ = std::make_unique<TestDatabase>(dir_, true);
  }

  TempDir dir_;
  std::unique_ptr<TestDatabase> sqlite_;
  std::unique_ptr<TestDatabase> postgres_;
};

TEST_F(StoreCopyTest, APopulatedSqliteStoreAnswersTheSameReadsOnPostgres) {
  const std::vector<std::string> flags = {"--sip-domain", "sip.copy"};
  std::vector<std::string> ids;
  Json before;
  std::string project_id, token, second_token, revoked_token;
  {
    ServerProcess server(dir_, flags, sqlite_->url());
    project_id = server.project_id;
    token = server.token;
    HttpClient client = server.Client();
    ASSERT_EQ(
        client.Put(kProfile, R"({"default_codecs":["PCMU"],"domain_identifier":"copied"})").status,
        201);
    auto webhook =
        client.Post(kWebhooks, R"({"name":"hook","primary_request_url":"https://a.example/h"})")
            .Json();
    for (int i = 0; i < 8; ++i) {
      Json body = {{"username", "copy-" + std::to_string(i)},
                   {"password", "copy-pass-" + std::to_string(i)},
                   {"caller_id", "Caller " + std::to_string(i)}};
      if (i == 2) {
        body["call_handler"] = "resource";
        body["calling_handler_resource_id"] = webhook["id"];
      }
      if (i == 5)
        body.update(
            {{"codecs", {"OPUS"}}, {"send_as", "+15551230000"}, {"encryption", "required"}});
      auto created = client.Post(kEndpoints, body.dump());
      ASSERT_EQ(created.status, 201) << created.body;
      ids.push_back(created.Json()["id"]);
    }
    // An older endpoint whose handler is a newer one: the copy must not trip on the order.
    auto newest = client.Get(std::string(kFabricEndpoints) + "/" + ids.back()).Json();
    ASSERT_EQ(
        client
            .Put(std::string(kEndpoints) + "/" + ids[0],
                 Json{{"call_handler", "resource"}, {"calling_handler_resource_id", newest["id"]}}
                     .dump())
            .status,
        200);
    before = Reads(client, ids);
    ASSERT_EQ(server.Stop(), 0);
  }
  // A second token, and a revoked one, made with the admin commands.
  auto made = RunSwitchboard(
      {"token", "create", "--project", project_id, "--database", sqlite_->url(), "--json"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  second_token = Json::parse(made.out)["token"];
  auto doomed = Json::parse(RunSwitchboard({"token", "create", "--project", project_id,
                                            "--database", sqlite_->url(), "--json"})
                                .out);
  revoked_token = doomed["token"];
  ASSERT_EQ(RunSwitchboard({"token", "revoke", "--project", project_id, "--database",
                            sqlite_->url(), doomed["id"].get<std::string>()})
                .exit_code,
            0);

  auto copied =
      RunSwitchboard({"copy", "--from", sqlite_->url(), "--to", postgres_->url(), "--json"});
  ASSERT_EQ(copied.exit_code, 0) << copied.err;
  EXPECT_EQ(Json::parse(copied.out),
            Json::parse(R"({"projects":1,"tokens":3,"endpoints":8,"webhooks":1,"verified":true})"));

  ServerProcess server(dir_, flags, postgres_->url());  // the same key file (dir_)
  EXPECT_TRUE(server.project_id.empty()) << "no bootstrap: the project came across";
  HttpClient client(server.base_url, project_id, token);
  EXPECT_EQ(Reads(client, ids), before);
  EXPECT_EQ(HttpClient(server.base_url, project_id, second_token).Get(kEndpoints).status, 200);
  EXPECT_EQ(HttpClient(server.base_url, project_id, revoked_token).Get(kEndpoints).status, 401);

  // The sealed passwords stay readable with the same key: a rename re-derives the digests.
  ASSERT_EQ(client.Put(std::string(kEndpoints) + "/" + ids[3], R"({"username":"renamed"})").status,
            200);
  auto row = postgres_->Row("SELECT ha1 FROM sip_endpoints WHERE id = $1", {ids[3]});
  EXPECT_EQ(row.at(0), Md5Hex("renamed:copied.sip.copy:copy-pass-3"));
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(StoreCopyTest, ANonEmptyTargetIsRefusedUnlessToldAndARerunKeepsWhatIsThere) {
  {
    ServerProcess server(dir_, {}, sqlite_->url());
    server.Client().Post(kEndpoints, R"({"username":"a1","password":"pass-word-1"})");
  }
  ASSERT_EQ(RunSwitchboard({"copy", "--from", sqlite_->url(), "--to", postgres_->url()}).exit_code,
            0);
  auto again = RunSwitchboard({"copy", "--from", sqlite_->url(), "--to", postgres_->url()});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("already holds projects"), std::string::npos) << again.err;
  auto told = RunSwitchboard(
      {"copy", "--from", sqlite_->url(), "--to", postgres_->url(), "--into-non-empty", "--json"});
  EXPECT_EQ(told.exit_code, 0) << told.err;
  EXPECT_EQ(Json::parse(told.out)["endpoints"], 1);
}

}  // namespace
}  // namespace sb::testing
