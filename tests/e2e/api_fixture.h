#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace sb::testing {

using Json = nlohmann::ordered_json;

inline constexpr const char* kEndpoints = "/api/relay/rest/endpoints/sip";
inline constexpr const char* kFabricEndpoints = "/api/fabric/resources/sip_endpoints";
inline constexpr const char* kResources = "/api/fabric/resources";
inline constexpr const char* kWebhooks = "/api/fabric/resources/swml_webhooks";
inline constexpr const char* kProfile = "/api/relay/rest/sip_profile";

// A running `switchboard serve` on a fresh SQLite file, and a client with the bootstrap project's
// credentials. TearDown stops the server and expects a clean exit with no sanitizer report.
class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Extra `serve` flags for a test (override before SetUp runs).
  virtual std::vector<std::string> ServerArgs() const { return {"--sip-domain", "sip.test"}; }

  // Creates an endpoint and returns its Relay JSON; fails the test unless 201.
  Json CreateEndpoint(const std::string& username, const Json& extra = Json::object());
  // Creates a SWML webhook resource and returns its wrapper; fails the test unless 201.
  Json CreateWebhook(const std::string& name);

  // A second project with its own token, made through the CLI against the same store.
  struct ProjectCredentials {
    std::string id;
    std::string token;
    std::string domain_identifier;
  };
  ProjectCredentials NewProject(const std::string& name, const std::string& scopes = "");

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

// Fails the test if any secret the tests sent (support/secret_watch.h) is in `server`'s log, in
// any response so far, or in its SQLite store files.
void ExpectNoSecretsIn(ServerProcess& server);

// Sends `count` creates of one username at once (request i through `client_for(i)`, with
// `username_for(i)`) and counts how they ended.
struct CreateRace {
  int created = 0;
  int refused = 0;  // 422 not_unique_within_project
  int other = 0;
};
CreateRace RaceCreates(int count, const std::function<HttpClient(int)>& client_for,
                       const std::function<std::string(int)>& username_for);

// Asserts a Fabric 422 body whose errors include `code` on `attribute` (null when empty).
::testing::AssertionResult HasFabricError(const HttpResult& r, const std::string& code,
                                          const std::string& attribute);

// Asserts a Relay 422 body whose errors include `code` on `attribute`.
::testing::AssertionResult HasRelayError(const HttpResult& r, const std::string& code,
                                         const std::string& attribute);

}  // namespace sb::testing
