// Relay create, read, update and delete over real HTTP (CONTRACT 1, 4, 5).
#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class RelayCrudTest : public ApiTest {};

const std::vector<std::string> kRelayKeys = {"type",
                                             "id",
                                             "username",
                                             "caller_id",
                                             "send_as",
                                             "ciphers",
                                             "codecs",
                                             "encryption",
                                             "call_handler",
                                             "calling_handler_resource_id",
                                             "call_request_url",
                                             "call_request_method",
                                             "call_fallback_url",
                                             "call_fallback_method",
                                             "call_status_callback_url",
                                             "call_status_callback_method",
                                             "call_laml_application_id",
                                             "call_dialogflow_agent_id",
                                             "call_relay_topic",
                                             "call_relay_topic_status_callback_url",
                                             "call_relay_context",
                                             "call_relay_context_status_callback_url",
                                             "call_relay_application",
                                             "call_video_room_id",
                                             "call_relay_script_url",
                                             "call_flow_id",
                                             "call_flow_version",
                                             "call_ai_agent_id",
                                             "call_relay_connector_id",
                                             "created_at",
                                             "updated_at"};

TEST_F(RelayCrudTest, CreateAnswers201WithEveryKeyInContractOrderAndNoPassword) {
  auto r = client_->Post(kEndpoints, R"({"username":"frontdesk01","password":"Tr1cky-Pass-77",
      "caller_id":"Front Desk","encryption":"required","codecs":["OPUS","PCMU"],
      "call_handler":"laml_webhooks","call_request_url":"https://app.example.com/voice"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/json");
  auto e = r.Json();
  std::vector<std::string> keys;
  for (auto it = e.begin(); it != e.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, kRelayKeys);
  EXPECT_EQ(e["type"], "sip_endpoint");
  EXPECT_EQ(e["username"], "frontdesk01");
  EXPECT_EQ(e["send_as"], "random");
  EXPECT_EQ(e["ciphers"].size(), 5u);
  EXPECT_EQ(e["codecs"], Json::parse(R"(["OPUS","PCMU"])"));
  EXPECT_EQ(e["call_request_method"], "POST");
  EXPECT_TRUE(e["call_fallback_url"].is_null());
  EXPECT_EQ(r.body.find("Tr1cky-Pass-77"), std::string::npos);
  EXPECT_EQ(r.body.find("password"), std::string::npos);
  EXPECT_EQ(e["created_at"], e["updated_at"]);
  EXPECT_EQ(e["created_at"].get<std::string>().back(), 'Z');
}

TEST_F(RelayCrudTest, ClientSentIdIsIgnored) {
  auto e = CreateEndpoint("alice", {{"id", "01a20556-4659-7000-a69f-2b76d4232056"}});
  EXPECT_NE(e["id"], "01a20556-4659-7000-a69f-2b76d4232056");
}

TEST_F(RelayCrudTest, GetAnswersTheSameObjectOnBothPaths) {
  auto created = CreateEndpoint("alice");
  std::string id = created["id"];
  for (const std::string& path :
       {std::string(kEndpoints) + "/" + id, "/api/relay/rest/sip_endpoints/" + id,
        std::string(kEndpoints) + "/" + id + "/"}) {
    auto r = client_->Get(path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.Json(), created) << path;
  }
}

TEST_F(RelayCrudTest, PutMergesAbsentKeysAndResetsNullOnes) {
  auto created = CreateEndpoint("alice", {{"caller_id", "Desk"},
                                          {"send_as", "+15551234567"},
                                          {"codecs", {"PCMU"}},
                                          {"encryption", "required"}});
  std::string path = std::string(kEndpoints) + "/" + created["id"].get<std::string>();
  auto r = client_->Put(path, R"({"caller_id":"Reception"})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto e = r.Json();
  EXPECT_EQ(e["caller_id"], "Reception");
  EXPECT_EQ(e["send_as"], "+15551234567");
  EXPECT_EQ(e["codecs"], Json::parse(R"(["PCMU"])"));
  EXPECT_EQ(e["encryption"], "required");
  EXPECT_GT(e["updated_at"].get<std::string>(), created["updated_at"].get<std::string>());
  EXPECT_EQ(e["created_at"], created["created_at"]);

  r = client_->Put(path, R"({"caller_id":null,"send_as":null,"codecs":null,"encryption":null})");
  ASSERT_EQ(r.status, 200) << r.body;
  e = r.Json();
  EXPECT_TRUE(e["caller_id"].is_null());
  EXPECT_EQ(e["send_as"], "random");
  EXPECT_EQ(e["codecs"].size(), 7u);  // the profile's defaults again
  EXPECT_EQ(e["encryption"], "default");
  EXPECT_EQ(client_->Get(path).Json(), e);
}

TEST_F(RelayCrudTest, SwitchingHandlerClearsTheOldCompanions) {
  auto created = CreateEndpoint("alice", {{"call_handler", "laml_webhooks"},
                                          {"call_request_url", "https://a.example/voice"},
                                          {"call_fallback_url", "https://a.example/fallback"}});
  std::string path = std::string(kEndpoints) + "/" + created["id"].get<std::string>();
  auto r = client_->Put(path, R"({"call_handler":"relay_script",
                                  "call_relay_script_url":"https://a.example/s.yaml"})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto e = r.Json();
  EXPECT_EQ(e["call_handler"], "relay_script");
  EXPECT_EQ(e["call_relay_script_url"], "https://a.example/s.yaml");
  for (const char* key :
       {"call_request_url", "call_request_method", "call_fallback_url", "call_fallback_method"}) {
    EXPECT_TRUE(e[key].is_null()) << key;
  }
}

TEST_F(RelayCrudTest, PutWithEveryKeyAsAJavaClientSendsIt) {
  auto created = CreateEndpoint("alice");
  std::string path = std::string(kEndpoints) + "/" + created["id"].get<std::string>();
  Json full = created;
  full["caller_id"] = "Full Put";
  full["password"] = nullptr;  // sent as null: the password stays
  auto r = client_->Put(path, full.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["caller_id"], "Full Put");
}

TEST_F(RelayCrudTest, RenameKeepsTheEndpointAndRejectsATakenName) {
  auto a = CreateEndpoint("alice");
  CreateEndpoint("bob");
  std::string path = std::string(kEndpoints) + "/" + a["id"].get<std::string>();
  auto r = client_->Put(path, R"({"username":"alice2"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["username"], "alice2");
  EXPECT_TRUE(HasRelayError(client_->Put(path, R"({"username":"BOB"})"),
                            "not_unique_within_project", "username"));
}

TEST_F(RelayCrudTest, DeleteAnswers204ThenTheEndpointIsGone) {
  auto e = CreateEndpoint("alice");
  std::string path = std::string(kEndpoints) + "/" + e["id"].get<std::string>();
  auto r = client_->Delete(path);
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(r.body.empty());
  for (const auto& again : {client_->Get(path), client_->Delete(path), client_->Put(path, "{}")}) {
    EXPECT_EQ(again.status, 404);
    EXPECT_EQ(again.body, R"({"error":"Not Found"})");
  }
  // The username is free again.
  CreateEndpoint("alice");
}

}  // namespace
}  // namespace sb::testing
