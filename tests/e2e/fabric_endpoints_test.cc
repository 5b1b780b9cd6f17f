// The Fabric SIP credential surface (CONTRACT 6) and its agreement with the Relay surface.
#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class FabricEndpointsTest : public ApiTest {
 protected:
  // The Relay object and the Fabric wrapper of one endpoint must say the same thing.
  void ExpectConsistent(const std::string& endpoint_id) {
    auto relay = client_->Get(std::string(kEndpoints) + "/" + endpoint_id).Json();
    auto wrapper = client_->Get(std::string(kFabricEndpoints) + "/" + endpoint_id).Json();
    auto inner = wrapper["sip_endpoint"];
    EXPECT_EQ(inner["id"], relay["id"]);
    for (const char* key : {"username", "caller_id", "send_as", "ciphers", "codecs", "encryption",
                            "call_handler", "calling_handler_resource_id"}) {
      EXPECT_EQ(inner[key], relay[key]) << key;
    }
    EXPECT_EQ(wrapper["created_at"], relay["created_at"]);
    EXPECT_EQ(wrapper["updated_at"], relay["updated_at"]);
  }
};

TEST_F(FabricEndpointsTest, CreateAnswers201WithTheWrapper) {
  auto r = client_->Post(kFabricEndpoints,
                         R"({"username":"warehouse-phone","caller_id":"Warehouse",
                             "encryption":"optional","password":"Another-Secret-9"})");
  ASSERT_EQ(r.status, 201) << r.body;
  auto w = r.Json();
  std::vector<std::string> keys;
  for (auto it = w.begin(); it != w.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "project_id", "display_name", "type",
                                            "created_at", "updated_at", "sip_endpoint"}));
  EXPECT_EQ(w["type"], "sip_endpoint");
  EXPECT_EQ(w["project_id"], server_->project_id);
  EXPECT_EQ(w["display_name"], "warehouse-phone");
  EXPECT_NE(w["id"], w["sip_endpoint"]["id"]);
  EXPECT_EQ(w["sip_endpoint"]["codecs"].size(), 7u);
  EXPECT_EQ(w["sip_endpoint"]["send_as"], "random");
  EXPECT_EQ(r.body.find("Another-Secret-9"), std::string::npos);
}

TEST_F(FabricEndpointsTest, PasswordIsOptionalOnFabricCreate) {
  EXPECT_EQ(client_->Post(kFabricEndpoints, R"({"username":"nopass"})").status, 201);
}

TEST_F(FabricEndpointsTest, BothIdsWorkOnFabricPaths) {
  auto w = client_->Post(kFabricEndpoints, R"({"username":"both"})").Json();
  for (const std::string& id :
       {w["id"].get<std::string>(), w["sip_endpoint"]["id"].get<std::string>()}) {
    auto r = client_->Get(std::string(kFabricEndpoints) + "/" + id);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.Json()["id"], w["id"]);
    auto put = client_->Put(std::string(kFabricEndpoints) + "/" + id,
                            Json{{"caller_id", "via " + id}}.dump());
    ASSERT_EQ(put.status, 200);
    EXPECT_EQ(put.Json()["sip_endpoint"]["caller_id"], "via " + id);
  }
  EXPECT_EQ(
      client_->Delete(std::string(kFabricEndpoints) + "/" + w["id"].get<std::string>()).status,
      204);
  EXPECT_EQ(
      client_->Get(std::string(kFabricEndpoints) + "/" + w["sip_endpoint"]["id"].get<std::string>())
          .status,
      404);
}

TEST_F(FabricEndpointsTest, ARelayEndpointIsTheSameRecordOnFabric) {
  auto relay = CreateEndpoint("alice", {{"caller_id", "Desk"}});
  std::string id = relay["id"];
  ExpectConsistent(id);
  auto put = client_->Put(std::string(kFabricEndpoints) + "/" + id,
                          R"({"caller_id":"Reception","call_handler":"block-pstn"})");
  ASSERT_EQ(put.status, 200) << put.body;
  ExpectConsistent(id);
  EXPECT_EQ(client_->Get(std::string(kEndpoints) + "/" + id).Json()["call_handler"], "block-pstn");
  EXPECT_EQ(client_->Delete(std::string(kFabricEndpoints) + "/" + id).status, 204);
  EXPECT_EQ(client_->Get(std::string(kEndpoints) + "/" + id).status, 404);
}

TEST_F(FabricEndpointsTest, AFabricEndpointIsTheSameRecordOnRelay) {
  auto w = client_->Post(kFabricEndpoints, R"({"username":"bob","password":"s3cret-pass"})").Json();
  std::string id = w["sip_endpoint"]["id"];
  ExpectConsistent(id);
  ASSERT_EQ(client_
                ->Put(std::string(kEndpoints) + "/" + id,
                      R"({"codecs":["PCMU"],"send_as":"+15551234567"})")
                .status,
            200);
  ExpectConsistent(id);
  EXPECT_EQ(client_->Delete(std::string(kEndpoints) + "/" + id).status, 204);
  EXPECT_EQ(client_->Get(std::string(kFabricEndpoints) + "/" + w["id"].get<std::string>()).status,
            404);
}

TEST_F(FabricEndpointsTest, FabricWritesOnlyTheOutboundHandlersButReadsAny) {
  auto relay = CreateEndpoint("scripted", {{"call_handler", "relay_script"},
                                           {"call_relay_script_url", "https://a.example/s"}});
  std::string path = std::string(kFabricEndpoints) + "/" + relay["id"].get<std::string>();
  EXPECT_EQ(client_->Get(path).Json()["sip_endpoint"]["call_handler"], "relay_script");
  EXPECT_TRUE(HasFabricError(client_->Put(path, R"({"call_handler":"laml_webhooks"})"),
                             "invalid_parameter", "call_handler"));
  EXPECT_EQ(client_->Put(path, R"({"call_handler":"passthrough"})").status, 200);
}

TEST_F(FabricEndpointsTest, ErrorsUseTheFabricShape) {
  auto missing = client_->Post(kFabricEndpoints, R"({"caller_id":"No Name"})");
  EXPECT_TRUE(HasFabricError(missing, "missing_required_parameter", "username"));
  EXPECT_EQ(missing.Json()["errors"][0]["url"], "/docs/errors#missing_required_parameter");
  EXPECT_TRUE(
      HasFabricError(client_->Post(kFabricEndpoints, R"({"username":"x","encryption":"on"})"),
                     "invalid_parameter", "encryption"));
  auto bad_json = client_->Post(kFabricEndpoints, "{");
  EXPECT_EQ(bad_json.status, 400);
  EXPECT_EQ(bad_json.Json()["errors"][0]["code"], "invalid_json");
  EXPECT_EQ(bad_json.Json()["errors"][0]["type"], "validation_error");
  CreateEndpoint("taken");
  EXPECT_TRUE(HasFabricError(client_->Post(kFabricEndpoints, R"({"username":"TAKEN"})"),
                             "not_unique_within_project", "username"));
  EXPECT_EQ(
      client_->Get(std::string(kFabricEndpoints) + "/01a20556-4659-7000-a69f-2b76d4232056").body,
      R"({"error":"Not Found"})");
}

TEST_F(FabricEndpointsTest, AnyScopeOpensFabricButNotRelay) {
  auto fax = NewProject("fax", "fax");
  HttpClient c(server_->base_url, fax.id, fax.token);
  EXPECT_EQ(c.Get(kFabricEndpoints).status, 200);
  EXPECT_EQ(c.Get(kEndpoints).status, 403);
  EXPECT_EQ(HttpClient(server_->base_url).Get(kFabricEndpoints).status, 401);
}

TEST_F(FabricEndpointsTest, ListsAreWrappersWithTypeOnEveryLink) {
  for (const char* name : {"desk1", "desk2", "desk3"}) CreateEndpoint(name);
  auto r = client_->Get(std::string(kFabricEndpoints) + "?page_size=2&filter_username=DESK");
  ASSERT_EQ(r.status, 200);
  auto page = r.Json();
  ASSERT_EQ(page["data"].size(), 2u);
  EXPECT_EQ(page["data"][0]["sip_endpoint"]["username"], "desk3");
  for (const char* link : {"self", "first", "next"}) {
    std::string url = page["links"][link];
    EXPECT_NE(url.find("type=sip_endpoint"), std::string::npos) << url;
    EXPECT_NE(url.find("filter_username=DESK"), std::string::npos) << url;
  }
  auto next = client_->Get(page["links"]["next"].get<std::string>()).Json();
  ASSERT_EQ(next["data"].size(), 1u);
  EXPECT_EQ(next["data"][0]["sip_endpoint"]["username"], "desk1");
  EXPECT_FALSE(next["links"].contains("next"));
}

TEST_F(FabricEndpointsTest, AnEndpointHasOneAddressThatFollowsItsUsername) {
  auto w = client_->Post(kFabricEndpoints, R"({"username":"front-desk"})").Json();
  std::string path = std::string(kFabricEndpoints) + "/" + w["id"].get<std::string>();
  auto first = client_->Get(path + "/addresses");
  ASSERT_EQ(first.status, 200);
  auto address = first.Json()["data"][0];
  EXPECT_EQ(first.Json()["data"].size(), 1u);
  EXPECT_EQ(address["name"], "front-desk");
  EXPECT_EQ(address["type"], "call");
  EXPECT_EQ(address["locked"], false);
  EXPECT_EQ(address["channels"]["audio"], "/private/front-desk?channel=audio");
  EXPECT_EQ(address["channels"]["video"], "/private/front-desk?channel=video");
  EXPECT_NE(first.Json()["links"]["self"].get<std::string>().find("type=sip_endpoint"),
            std::string::npos);
  ASSERT_EQ(client_->Put(path, R"({"username":"reception"})").status, 200);
  auto renamed = client_->Get(path + "/addresses").Json()["data"][0];
  EXPECT_EQ(renamed["id"], address["id"]);
  EXPECT_EQ(renamed["name"], "reception");
  EXPECT_EQ(renamed["channels"]["audio"], "/private/reception?channel=audio");
  EXPECT_EQ(client_->Delete(path).status, 204);
  EXPECT_EQ(client_->Get(path + "/addresses").status, 404);
}

}  // namespace
}  // namespace sb::testing
