#include "e2e/api_fixture.h"

#include <atomic>
#include <thread>

#include "support/secret_watch.h"

namespace sb::testing {

void ApiTest::SetUp() {
  server_ = std::make_unique<ServerProcess>(dir_, ServerArgs());
  ASSERT_FALSE(server_->project_id.empty());
  client_ = std::make_unique<HttpClient>(server_->base_url, server_->project_id, server_->token);
}

void ApiTest::TearDown() {
  if (!server_)
    return;
  EXPECT_EQ(server_->Stop(), 0) << server_->Stderr();
  std::string log = server_->Stderr();
  EXPECT_EQ(log.find("Sanitizer"), std::string::npos) << log;
  EXPECT_EQ(log.find("runtime error"), std::string::npos) << log;
  EXPECT_EQ(server_->ResponseViolations(), "") << "responses that break openapi/openapi.yaml";
  ExpectNoSecretsIn(*server_);
}

void ExpectNoSecretsIn(ServerProcess& server) {
  EXPECT_EQ(SecretWatch::FoundIn(server.Stderr()).size(), 0u) << "a secret in the server's log";
  EXPECT_EQ(SecretWatch::LeakingResponses(), std::vector<std::string>{});
  if (server.database.rfind("postgres", 0) != 0) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      EXPECT_EQ(SecretWatch::FoundIn(ReadFile(server.database + suffix)).size(), 0u)
          << "a secret in the store file " << server.database << suffix;
    }
  }
}

Json ApiTest::CreateEndpoint(const std::string& username, const Json& extra) {
  Json body = {{"username", username}, {"password", "s3cret-pass-" + username}};
  body.update(extra);
  auto r = client_->Post(kEndpoints, body.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json();
}

Json ApiTest::CreateWebhook(const std::string& name) {
  auto r = client_->Post(
      kWebhooks,
      Json{{"name", name}, {"primary_request_url", "https://app.example/" + name}}.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json();
}

ApiTest::ProjectCredentials ApiTest::NewProject(const std::string& name,
                                                const std::string& scopes) {
  auto project = RunSwitchboard(
      {"project", "create", "--name", name, "--database", server_->database, "--json"});
  EXPECT_EQ(project.exit_code, 0) << project.err;
  auto pj = Json::parse(project.out);
  std::vector<std::string> args = {
      "token",      "create",          "--project", pj["id"].get<std::string>(),
      "--database", server_->database, "--json"};
  if (!scopes.empty()) {
    args.push_back("--scopes");
    args.push_back(scopes);
  }
  auto token = RunSwitchboard(args);
  EXPECT_EQ(token.exit_code, 0) << token.err;
  auto tj = Json::parse(token.out);
  return {pj["id"], tj["token"], pj["domain_identifier"]};
}

CreateRace RaceCreates(int count, const std::function<HttpClient(int)>& client_for,
                       const std::function<std::string(int)>& username_for) {
  std::atomic<int> created{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      HttpClient c = client_for(i);
      auto r = c.Post(kEndpoints,
                      Json{{"username", username_for(i)}, {"password", "s3cret-pass"}}.dump());
      if (r.status == 201) {
        ++created;
      } else if (HasRelayError(r, "not_unique_within_project", "username")) {
        ++refused;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  return {created, refused, other};
}

::testing::AssertionResult HasFabricError(const HttpResult& r, const std::string& code,
                                          const std::string& attribute) {
  if (r.status != 422)
    return ::testing::AssertionFailure() << "status " << r.status << " " << r.body;
  auto body = r.Json();
  if (!body.contains("errors") || !body["errors"].is_array()) {
    return ::testing::AssertionFailure() << "no errors array: " << r.body;
  }
  for (const auto& e : body["errors"]) {
    bool shape = e["type"] == "validation_error" && e["message"].is_string() &&
                 e["url"].is_string() && e.contains("attribute");
    if (!shape)
      return ::testing::AssertionFailure() << "bad entry shape: " << e.dump();
    Json expected = attribute.empty() ? Json(nullptr) : Json(attribute);
    if (e["code"] == code && e["attribute"] == expected)
      return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no " << code << " on " << attribute << ": " << r.body;
}

::testing::AssertionResult HasRelayError(const HttpResult& r, const std::string& code,
                                         const std::string& attribute) {
  if (r.status != 422)
    return ::testing::AssertionFailure() << "status " << r.status << " " << r.body;
  auto body = r.Json();
  if (!body.contains("errors") || !body["errors"].is_array()) {
    return ::testing::AssertionFailure() << "no errors array: " << r.body;
  }
  for (const auto& e : body["errors"]) {
    bool shape = e.contains("detail") && e["detail"].is_string() && e["status"] == "422" &&
                 e["title"] == "Invalid Attribute";
    if (!shape)
      return ::testing::AssertionFailure() << "bad entry shape: " << e.dump();
    if (e["code"] == code && e["attribute"] == attribute)
      return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no " << code << " on " << attribute << ": " << r.body;
}

}  // namespace sb::testing
