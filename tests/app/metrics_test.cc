#include "app/metrics.h"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace sb {
namespace {

using std::chrono::milliseconds;

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

// Series are looked up once and then kept: each label combination must still count on its own.
TEST(Metrics, EachLabelCombinationCountsOnItsOwn) {
  Metrics metrics("test");
  metrics.RecordRequest("GET", "/things/{id}", 200, milliseconds(1));
  metrics.RecordRequest("GET", "/things/{id}", 200, milliseconds(1));
  metrics.RecordRequest("GET", "/things/{id}", 404, milliseconds(1));
  metrics.RecordRequest("PUT", "/things/{id}", 200, milliseconds(1));
  metrics.RecordRequest("BREW", "", 404, milliseconds(1));
  metrics.RecordStoreOperation("endpoints.get", milliseconds(1), "");
  metrics.RecordStoreOperation("endpoints.get", milliseconds(1), "not_found");
  metrics.RecordStoreOperation("endpoints.list", milliseconds(1), "");
  std::string text = metrics.Render();
  const std::string requests = "switchboard_http_requests_total";
  EXPECT_TRUE(Has(text, requests + R"({method="GET",route="/things/{id}",status="200"} 2)"))
      << text;
  EXPECT_TRUE(Has(text, requests + R"({method="GET",route="/things/{id}",status="404"} 1)"))
      << text;
  EXPECT_TRUE(Has(text, requests + R"({method="PUT",route="/things/{id}",status="200"} 1)"))
      << text;
  EXPECT_TRUE(Has(text, requests + R"({method="other",route="unmatched",status="404"} 1)")) << text;
  EXPECT_TRUE(Has(
      text,
      R"(switchboard_http_request_duration_seconds_count{method="GET",route="/things/{id}"} 3)"))
      << text;
  EXPECT_TRUE(Has(
      text, R"(switchboard_store_operation_duration_seconds_count{operation="endpoints.get"} 2)"))
      << text;
  EXPECT_TRUE(Has(
      text, R"(switchboard_store_operation_duration_seconds_count{operation="endpoints.list"} 1)"))
      << text;
  EXPECT_TRUE(Has(
      text,
      R"(switchboard_store_operation_errors_total{code="not_found",operation="endpoints.get"} 1)"))
      << text;
}

}  // namespace
}  // namespace sb
