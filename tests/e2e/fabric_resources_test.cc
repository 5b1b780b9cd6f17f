// The Fabric resource registry, SWML webhooks, resource handlers and assignment (CONTRACT 3, 6).
#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class FabricResourcesTest : public ApiTest {
 protected:
  std::string WebhookPath(const Json& w) {
    return std::string(kWebhooks) + "/" + w["id"].get<std::string>();
  }
};

TEST_F(FabricResourcesTest, SwmlWebhooksHaveCrud) {
  auto r = client_->Post(kWebhooks, R"({"name":"Reception flow",
      "primary_request_url":"https://app.example/swml","fallback_request_url":"https://b.example/f",
      "status_callback_method":"GET"})");
  ASSERT_EQ(r.status, 201) << r.body;
  auto w = r.Json();
  EXPECT_EQ(w["type"], "swml_webhook");
  EXPECT_EQ(w["display_name"], "Reception flow");
  auto inner = w["swml_webhook"];
  EXPECT_EQ(inner["used_for"], "calling");
  EXPECT_EQ(inner["primary_request_method"], "POST");
  EXPECT_EQ(inner["fallback_request_method"], "POST");
  EXPECT_TRUE(inner["status_callback_method"].is_null());  // no URL, no method

  std::string path = WebhookPath(w);
  EXPECT_EQ(client_->Get(path).Json(), w);
  auto put = client_->Put(path, R"({"name":"Renamed","primary_request_method":"get"})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["swml_webhook"]["name"], "Renamed");
  EXPECT_EQ(put.Json()["swml_webhook"]["primary_request_method"], "GET");
  EXPECT_EQ(put.Json()["swml_webhook"]["primary_request_url"], "https://app.example/swml");
  EXPECT_EQ(client_->Get(kWebhooks).Json()["data"].size(), 1u);
  EXPECT_EQ(client_->Delete(path).status, 204);
  EXPECT_EQ(client_->Get(path).status, 404);
}

TEST_F(FabricResourcesTest, SwmlWebhookValidation) {
  auto r =
      client_->Post(kWebhooks, R"({"primary_request_url":"ftp://x","primary_request_method":"PUT",
                                        "used_for":"messaging"})");
  EXPECT_TRUE(HasFabricError(r, "missing_required_parameter", "name"));
  EXPECT_TRUE(HasFabricError(r, "not_an_http_url", "primary_request_url"));
  EXPECT_TRUE(HasFabricError(r, "invalid_http_method", "primary_request_method"));
  EXPECT_TRUE(HasFabricError(r, "invalid_parameter", "used_for"));
  EXPECT_TRUE(HasFabricError(client_->Post(kWebhooks, R"({"name":"x"})"),
                             "missing_required_parameter", "primary_request_url"));
}

TEST_F(FabricResourcesTest, TheRegistryListsEveryResourceNewestFirstAndPaged) {
  auto e1 = CreateEndpoint("e1");
  auto w1 = CreateWebhook("w1");
  auto e2 = CreateEndpoint("e2");
  auto page = client_->Get(std::string(kResources) + "?page_size=2").Json();
  ASSERT_EQ(page["data"].size(), 2u);
  EXPECT_EQ(page["data"][0]["type"], "sip_endpoint");
  EXPECT_EQ(page["data"][0]["sip_endpoint"]["username"], "e2");
  EXPECT_EQ(page["data"][1]["id"], w1["id"]);
  auto next = client_->Get(page["links"]["next"].get<std::string>()).Json();
  ASSERT_EQ(next["data"].size(), 1u);
  EXPECT_EQ(next["data"][0]["sip_endpoint"]["id"], e1["id"]);
  auto back = client_->Get(next["links"]["prev"].get<std::string>()).Json();
  EXPECT_EQ(back["data"], page["data"]);

  // GET and DELETE by id, any type.
  EXPECT_EQ(client_->Get(std::string(kResources) + "/" + w1["id"].get<std::string>()).Json(), w1);
  auto e2_wrapper =
      client_->Get(std::string(kFabricEndpoints) + "/" + e2["id"].get<std::string>()).Json();
  EXPECT_EQ(
      client_->Get(std::string(kResources) + "/" + e2_wrapper["id"].get<std::string>()).Json(),
      e2_wrapper);
  EXPECT_EQ(
      client_->Delete(std::string(kResources) + "/" + e2_wrapper["id"].get<std::string>()).status,
      204);
  EXPECT_EQ(client_->Get(std::string(kEndpoints) + "/" + e2["id"].get<std::string>()).status, 404);
}

TEST_F(FabricResourcesTest, TheRegistryIsPerProject) {
  auto w = CreateWebhook("mine");
  auto other = NewProject("other");
  HttpClient c(server_->base_url, other.id, other.token);
  EXPECT_EQ(c.Get(kResources).Json()["data"], Json::array());
  EXPECT_EQ(c.Get(std::string(kResources) + "/" + w["id"].get<std::string>()).status, 404);
  EXPECT_EQ(c.Delete(WebhookPath(w)).status, 404);
  EXPECT_EQ(client_->Get(WebhookPath(w)).status, 200);
}

TEST_F(FabricResourcesTest, ResourceHandlerNeedsAnExistingResourceOfTheProjectOtherThanItself) {
  auto own = client_->Post(kFabricEndpoints, R"({"username":"phone"})").Json();
  std::string path = std::string(kFabricEndpoints) + "/" + own["id"].get<std::string>();
  EXPECT_TRUE(HasFabricError(client_->Put(path, R"({"call_handler":"resource"})"),
                             "missing_required_parameter", "calling_handler_resource_id"));
  EXPECT_TRUE(HasFabricError(client_->Put(path, R"({"call_handler":"resource",
                             "calling_handler_resource_id":"01a20556-4659-7000-a69f-2b76d4232056"})"),
                             "provided_id_is_unrecognized", "calling_handler_resource_id"));
  EXPECT_TRUE(HasFabricError(
      client_->Put(
          path,
          Json{{"call_handler", "resource"}, {"calling_handler_resource_id", own["id"]}}.dump()),
      "provided_id_is_unrecognized", "calling_handler_resource_id"));

  auto other = NewProject("other");
  HttpClient c(server_->base_url, other.id, other.token);
  auto foreign =
      c.Post(kWebhooks, R"({"name":"f","primary_request_url":"https://f.example"})").Json();
  EXPECT_TRUE(HasFabricError(client_->Put(path, Json{{"call_handler", "resource"},
                                                     {"calling_handler_resource_id", foreign["id"]}}
                                                    .dump()),
                             "provided_id_is_unrecognized", "calling_handler_resource_id"));

  auto hook = CreateWebhook("hook");
  auto ok = client_->Put(
      path, Json{{"call_handler", "resource"}, {"calling_handler_resource_id", hook["id"]}}.dump());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.Json()["sip_endpoint"]["calling_handler_resource_id"], hook["id"]);
  // Another handler clears the resource id.
  auto cleared = client_->Put(path, R"({"call_handler":"passthrough"})").Json();
  EXPECT_TRUE(cleared["sip_endpoint"]["calling_handler_resource_id"].is_null());
}

TEST_F(FabricResourcesTest, AssignmentSetsTheHandlerAndBlocksDeletionUntilReleased) {
  auto endpoint = client_->Post(kFabricEndpoints, R"({"username":"warehouse-phone"})").Json();
  auto hook = CreateWebhook("hook");
  std::string assign =
      std::string(kResources) + "/" + hook["id"].get<std::string>() + "/sip_endpoints";
  auto r = client_->Post(assign, Json{{"sip_endpoint_id", endpoint["id"]}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["name"], "warehouse-phone");
  EXPECT_EQ(r.Json()["type"], "call");
  auto after =
      client_->Get(std::string(kFabricEndpoints) + "/" + endpoint["id"].get<std::string>()).Json();
  EXPECT_EQ(after["sip_endpoint"]["call_handler"], "resource");
  EXPECT_EQ(after["sip_endpoint"]["calling_handler_resource_id"], hook["id"]);

  for (const auto& blocked :
       {client_->Delete(WebhookPath(hook)),
        client_->Delete(std::string(kResources) + "/" + hook["id"].get<std::string>())}) {
    EXPECT_TRUE(HasFabricError(blocked, "resource_assigned_as_handler", "id"));
  }
  EXPECT_EQ(client_->Get(WebhookPath(hook)).status, 200);
  ASSERT_EQ(client_
                ->Put(std::string(kFabricEndpoints) + "/" + endpoint["id"].get<std::string>(),
                      R"({"call_handler":"default"})")
                .status,
            200);
  EXPECT_EQ(client_->Delete(WebhookPath(hook)).status, 204);
}

TEST_F(FabricResourcesTest, AnEndpointUsedAsAHandlerCannotBeDeletedOnEitherSurface) {
  auto target = client_->Post(kFabricEndpoints, R"({"username":"target"})").Json();
  auto caller = client_->Post(kFabricEndpoints, R"({"username":"caller"})").Json();
  std::string assign =
      std::string(kResources) + "/" + target["id"].get<std::string>() + "/sip_endpoints";
  ASSERT_EQ(
      client_->Post(assign, Json{{"sip_endpoint_id", caller["sip_endpoint"]["id"]}}.dump()).status,
      200);
  EXPECT_TRUE(HasFabricError(
      client_->Delete(std::string(kFabricEndpoints) + "/" + target["id"].get<std::string>()),
      "resource_assigned_as_handler", "id"));
  EXPECT_TRUE(HasRelayError(client_->Delete(std::string(kEndpoints) + "/" +
                                            target["sip_endpoint"]["id"].get<std::string>()),
                            "resource_assigned_as_handler", "id"));
  ASSERT_EQ(
      client_->Delete(std::string(kFabricEndpoints) + "/" + caller["id"].get<std::string>()).status,
      204);
  EXPECT_EQ(
      client_->Delete(std::string(kFabricEndpoints) + "/" + target["id"].get<std::string>()).status,
      204);
}

TEST_F(FabricResourcesTest, AssignmentAnswers404ForUnknownEndpointsOrResources) {
  auto endpoint = client_->Post(kFabricEndpoints, R"({"username":"p"})").Json();
  auto hook = CreateWebhook("hook");
  std::string unknown = "01a20556-4659-7000-a69f-2b76d4232056";
  EXPECT_EQ(client_
                ->Post(std::string(kResources) + "/" + unknown + "/sip_endpoints",
                       Json{{"sip_endpoint_id", endpoint["id"]}}.dump())
                .status,
            404);
  EXPECT_EQ(
      client_
          ->Post(std::string(kResources) + "/" + hook["id"].get<std::string>() + "/sip_endpoints",
                 Json{{"sip_endpoint_id", unknown}}.dump())
          .status,
      404);
  EXPECT_TRUE(HasFabricError(
      client_->Post(
          std::string(kResources) + "/" + hook["id"].get<std::string>() + "/sip_endpoints", "{}"),
      "missing_required_parameter", "sip_endpoint_id"));
}

}  // namespace
}  // namespace sb::testing
