// Authentication, tenancy, error shapes and tolerant input on the Relay surface (CONTRACT 2, 8,
// 11).
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class RelayErrorsTest : public ApiTest {};

TEST_F(RelayErrorsTest, MissingOrWrongCredentialsAre401WithAChallenge) {
  HttpClient anonymous(server_->base_url);
  HttpClient wrong_token(server_->base_url, server_->project_id, "PTnot-a-token");
  HttpClient unknown_project(server_->base_url, "01a20556-4659-7000-a69f-2b76d4232056",
                             server_->token);
  std::string first_body;
  for (auto* c : {&anonymous, &wrong_token, &unknown_project}) {
    auto r = c->Get(kEndpoints);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.body, R"({"error":"Unauthorized"})");
    EXPECT_EQ(r.Header("www-authenticate"), R"(Basic realm="switchboard")");
  }
}

TEST_F(RelayErrorsTest, ATokenWithoutTheVoiceScopeIs403) {
  auto fax_only = NewProject("fax", "fax,messaging");
  HttpClient c(server_->base_url, fax_only.id, fax_only.token);
  auto r = c.Get(kEndpoints);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body, R"({"error":"Forbidden"})");
}

TEST_F(RelayErrorsTest, AnotherProjectsEndpointIsNotFoundEverywhere) {
  auto mine = CreateEndpoint("alice");
  auto other = NewProject("other");
  HttpClient c(server_->base_url, other.id, other.token);
  std::string path = std::string(kEndpoints) + "/" + mine["id"].get<std::string>();
  for (const auto& r : {c.Get(path), c.Put(path, R"({"caller_id":"x"})"), c.Delete(path)}) {
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.body, R"({"error":"Not Found"})");
  }
  EXPECT_EQ(c.Get(kEndpoints).Json()["data"], Json::array());
  // Untouched for its owner; and the other project may use the same username.
  EXPECT_EQ(client_->Get(path).Json(), mine);
  EXPECT_EQ(c.Post(kEndpoints, R"({"username":"alice","password":"s3cret-pass"})").status, 201);
}

TEST_F(RelayErrorsTest, UnknownPathsAre404AndWrongMethods405WithAllow) {
  EXPECT_EQ(client_->Get("/api/relay/rest/endpoints/nope").status, 404);
  EXPECT_EQ(client_->Get("/API/relay/rest/endpoints/sip").status, 404);
  EXPECT_EQ(client_->Get(std::string(kEndpoints) + "/not-a-uuid").status, 404);
  auto r = client_->Send("PATCH", kEndpoints, "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.body, R"({"error":"Method Not Allowed"})");
  EXPECT_EQ(r.Header("allow"), "GET, POST");
  EXPECT_EQ(client_
                ->Send("POST",
                       std::string(kEndpoints) + "/" + "01a20556-4659-7000-a69f-2b76d4232056", "{}")
                .Header("allow"),
            "GET, PUT, DELETE");
}

TEST_F(RelayErrorsTest, ValidationErrorsComeTogetherInTheRelayShape) {
  auto r = client_->Post(kEndpoints, R"({"username":"a b","password":"short","send_as":"1",
      "codecs":["MP3"],"call_handler":"laml_webhooks","call_request_url":"ftp://x"})");
  EXPECT_TRUE(HasRelayError(r, "invalid_parameter", "username"));
  EXPECT_TRUE(HasRelayError(r, "invalid_parameter", "password"));
  EXPECT_TRUE(HasRelayError(r, "send_as_is_invalid", "send_as"));
  EXPECT_TRUE(HasRelayError(r, "list_contains_invalid_entries", "codecs"));
  EXPECT_TRUE(HasRelayError(r, "not_an_http_url", "call_request_url"));
  EXPECT_EQ(r.Json()["errors"].size(), 5u);
  EXPECT_EQ(client_->Get(kEndpoints).Json()["data"], Json::array());  // nothing changed
  EXPECT_TRUE(
      HasRelayError(client_->Post(kEndpoints, "{}"), "missing_required_parameter", "username"));
  EXPECT_TRUE(
      HasRelayError(client_->Post(kEndpoints, R"({"username":7})"), "not_a_string", "username"));
}

TEST_F(RelayErrorsTest, MalformedJsonIs400InvalidJsonAndChangesNothing) {
  auto e = CreateEndpoint("alice");
  std::string path = std::string(kEndpoints) + "/" + e["id"].get<std::string>();
  for (const char* bad : {"{", "[1,2]", "\"text\"", "{\"username\":\"x\",}", "\xff\xfe"}) {
    for (const auto& r : {client_->Post(kEndpoints, bad), client_->Put(path, bad)}) {
      EXPECT_EQ(r.status, 400) << bad;
      auto body = r.Json();
      ASSERT_TRUE(body.contains("errors")) << r.body;
      EXPECT_EQ(body["errors"][0]["code"], "invalid_json");
      EXPECT_TRUE(body["errors"][0]["detail"].is_string());
    }
  }
  EXPECT_EQ(client_->Get(path).Json(), e);
}

TEST_F(RelayErrorsTest, ABodyOverTheLimitIs413) {
  std::string big = R"({"username":"big","password":"s3cret-pass","caller_id":")" +
                    std::string(1100000, 'x') + "\"}";
  auto r = client_->Post(kEndpoints, big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.body, R"({"error":"Payload Too Large"})");
  EXPECT_EQ(client_->Get(kEndpoints).Json()["data"], Json::array());
  // The server is fine afterwards.
  CreateEndpoint("small");
}

TEST_F(RelayErrorsTest, TwentyConcurrentCreatesOfOneUsernameYieldExactlyOne201) {
  auto race = RaceCreates(
      20, [&](int) { return HttpClient(server_->base_url, server_->project_id, server_->token); },
      [](int i) { return i % 2 ? "Racer" : "racer"; });
  EXPECT_EQ(race.created, 1);
  EXPECT_EQ(race.refused, 19);
  EXPECT_EQ(race.other, 0);
  EXPECT_EQ(client_->Get(kEndpoints).Json()["data"].size(), 1u);
}

TEST_F(RelayErrorsTest, ToleratesWhatRealClientsSend) {
  // Content-Type on GET and DELETE with an empty body; Accept: applications/json (sic).
  std::vector<std::string> sloppy = {"Content-Type: application/json", "Accept: applications/json"};
  EXPECT_EQ(client_->Send("GET", kEndpoints, "", sloppy).status, 200);
  // A JSON body with no Content-Type at all, and one with a form Content-Type.
  EXPECT_EQ(client_->Post(kEndpoints, R"({"username":"a1","password":"s3cret-pass"})").status, 201);
  auto form = client_->Send("POST", kEndpoints, R"({"username":"a2","password":"s3cret-pass"})",
                            {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(form.status, 201);
  // camelCase keys are ignored, the trailing '&' in a query string too.
  auto camel =
      client_->Post(kEndpoints, R"({"username":"a3","password":"s3cret-pass","callerId":"Camel"})");
  ASSERT_EQ(camel.status, 201);
  EXPECT_TRUE(camel.Json()["caller_id"].is_null());
  EXPECT_EQ(client_->Get(std::string(kEndpoints) + "?page_size=2&").status, 200);
  std::string id = camel.Json()["id"];
  EXPECT_EQ(client_->Send("DELETE", std::string(kEndpoints) + "/" + id, "", sloppy).status, 204);
}

}  // namespace
}  // namespace sb::testing
