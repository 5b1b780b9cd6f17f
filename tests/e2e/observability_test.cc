// What operators watch: /metrics, request ids, log lines (plain and JSON).
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "e2e/api_fixture.h"
#include "support/raw_connection.h"
#include "support/secret_watch.h"

namespace sb::testing {
namespace {

// The value of the sample `series` (metric name with its labels, as printed), or -1.
double Sample(const std::string& metrics, const std::string& series) {
  std::istringstream lines(metrics);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(series + " ", 0) == 0)
      return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

// The distinct series (name and labels) of one metric family.
std::set<std::string> Series(const std::string& metrics, const std::string& name) {
  std::set<std::string> series;
  std::istringstream lines(metrics);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name + "{", 0) == 0)
      series.insert(line.substr(0, line.rfind(' ')));
  }
  return series;
}

using MetricsTest = ApiTest;

TEST_F(MetricsTest, CountsRequestsByRouteTemplateAndStatus) {
  HttpClient anonymous(server_->base_url);
  std::string list_ok = "switchboard_http_requests_total{method=\"GET\",route=\"" +
                        std::string(kEndpoints) + "\",status=\"200\"}";
  double before = std::max(0.0, Sample(anonymous.Get("/metrics").body, list_ok));
  for (int i = 0; i < 5; ++i) ASSERT_EQ(client_->Get(kEndpoints).status, 200);
  auto id = CreateEndpoint("metered")["id"].get<std::string>();
  ASSERT_EQ(client_->Get(std::string(kEndpoints) + "/" + id).status, 200);

  auto r = anonymous.Get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(Sample(r.body, list_ok), before + 5) << r.body;
  EXPECT_EQ(Sample(r.body, "switchboard_http_requests_total{method=\"GET\",route=\"" +
                               std::string(kEndpoints) + "/{id}\",status=\"200\"}"),
            1);
  EXPECT_EQ(Sample(r.body, "switchboard_http_requests_total{method=\"POST\",route=\"" +
                               std::string(kEndpoints) + "\",status=\"201\"}"),
            1);
  EXPECT_GE(Sample(r.body,
                   "switchboard_store_operation_duration_seconds_count{operation="
                   "\"endpoint_insert\"}"),
            1);
  EXPECT_GE(Sample(r.body, "switchboard_http_open_connections"), 1);
  EXPECT_EQ(Sample(r.body, "switchboard_build_info{version=\"0.1.0\"}"), 1);
}

TEST_F(MetricsTest, StoreErrorsAreCountedByOperationAndCode) {
  ASSERT_EQ(client_->Get(std::string(kEndpoints) + "/0190d0a8-0000-7000-8000-000000000000").status,
            404);
  auto metrics = HttpClient(server_->base_url).Get("/metrics").body;
  EXPECT_EQ(Sample(metrics,
                   "switchboard_store_operation_errors_total{code=\"not_found\","
                   "operation=\"endpoint_get_with_profile\"}"),
            1)
      << metrics;
}

TEST_F(MetricsTest, LabelsStayBoundedWhateverPathsAndMethodsClientsSend) {
  HttpClient anonymous(server_->base_url);
  // Warm up every series these requests can make, then count them.
  auto send_random = [&](int round) {
    for (int i = 0; i < 40; ++i) {
      std::string tag = std::to_string(round) + "x" + std::to_string(i);
      anonymous.Get("/random/" + tag);
      client_->Get(std::string(kEndpoints) + "/no-such-" + tag);
      client_->Send("BREW" + std::to_string(i % 7), std::string(kEndpoints) + "/" + tag);
      client_->Get(std::string(kEndpoints) + "?filter_username=" + tag);
    }
  };
  send_random(0);
  anonymous.Get("/metrics");
  auto first = anonymous.Get("/metrics").body;
  send_random(1);
  auto second = anonymous.Get("/metrics").body;
  for (const char* family :
       {"switchboard_http_requests_total", "switchboard_http_request_duration_seconds_count",
        "switchboard_store_operation_errors_total"}) {
    EXPECT_EQ(Series(first, family), Series(second, family)) << family;
  }
  EXPECT_LE(Series(second, "switchboard_http_requests_total").size(), 12u) << second;
  EXPECT_EQ(second.find("no-such"), std::string::npos);
  EXPECT_EQ(second.find("BREW"), std::string::npos);
  EXPECT_EQ(second.find("/random"), std::string::npos);
}

using RequestIdTest = ApiTest;

TEST_F(RequestIdTest, ASafeClientIdIsEchoedAndLogged) {
  auto r = client_->Send("GET", kEndpoints, "", {"X-Request-Id: trace-42.a:b"});
  EXPECT_EQ(r.Header("x-request-id"), "trace-42.a:b");
  ASSERT_EQ(server_->Stop(), 0);
  EXPECT_NE(server_->Stderr().find("GET /api/relay/rest/endpoints/sip 200"), std::string::npos);
  EXPECT_NE(server_->Stderr().find("id=trace-42.a:b"), std::string::npos) << server_->Stderr();
}

TEST_F(RequestIdTest, AMissingOrUnsafeIdIsReplacedByAFreshOne) {
  std::regex generated("[0-9a-f]{32}");
  auto none = client_->Get(kEndpoints).Header("x-request-id");
  auto again = client_->Get(kEndpoints).Header("x-request-id");
  auto spaced = client_->Send("GET", kEndpoints, "", {"X-Request-Id: a b\"c"});
  auto huge = client_->Send("GET", kEndpoints, "", {"X-Request-Id: " + std::string(200, 'a')});
  EXPECT_TRUE(std::regex_match(none, generated)) << none;
  EXPECT_NE(none, again);
  EXPECT_TRUE(std::regex_match(spaced.Header("x-request-id"), generated));
  EXPECT_TRUE(std::regex_match(huge.Header("x-request-id"), generated));
}

class JsonLogTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() const override {
    return {"--sip-domain", "sip.test", "--log-format", "json"};
  }
};

TEST_F(JsonLogTest, EveryLineIsOneJsonObjectAndAccessLinesCarryTheirFields) {
  CreateEndpoint("jsonlog");
  // Bytes a log line must escape: invalid UTF-8, a quote, a backslash.
  RawConnection raw(server_->origin_url);  // the server itself, not a proxy in front
  raw.Send(
      "GET /api/relay/rest/endpoints/sip/\xff\xfe\"\\{ HTTP/1.1\r\nHost: x\r\n"
      "X-Request-Id: j-1\r\nConnection: close\r\n\r\n");
  EXPECT_NE(raw.ReadUntilClosed(std::chrono::seconds(10)).find("401"), std::string::npos);
  HttpClient(server_->base_url, server_->project_id, "PTwrong-token-123").Get(kEndpoints);
  ASSERT_EQ(server_->Stop(), 0);
  std::istringstream lines(server_->Stderr());
  int access = 0;
  bool saw_request_id = false;
  for (std::string line; std::getline(lines, line);) {
    auto json = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(json.is_discarded()) << line;
    ASSERT_TRUE(json.contains("time") && json.contains("level") && json.contains("logger")) << line;
    if (json["logger"] == "access") {
      ++access;
      for (const char* key : {"request_id", "method", "path", "route", "status", "duration_ms"})
        EXPECT_TRUE(json.contains(key)) << key << " in " << line;
      saw_request_id |= json["request_id"] == "j-1";
    } else {
      EXPECT_TRUE(json.contains("msg")) << line;
    }
  }
  EXPECT_EQ(access, 3);
  EXPECT_TRUE(saw_request_id);
}

}  // namespace
}  // namespace sb::testing
