#include "app/metrics.h"

#include <array>
#include <charconv>
#include <mutex>
#include <unordered_map>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace sb {
namespace {

// Methods outside this list are counted as "other": the method is client-controlled.
std::string MethodLabel(std::string_view method) {
  static constexpr std::array<std::string_view, 8> kKnown = {"GET",   "HEAD",   "POST",    "PUT",
                                                             "PATCH", "DELETE", "OPTIONS", "TRACE"};
  for (auto known : kKnown) {
    if (method == known)
      return std::string(known);
  }
  return "other";
}

// Seconds; an API call is a few hundred microseconds, a slow store a second or more.
prometheus::Histogram::BucketBoundaries LatencyBuckets() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
          0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,    10};
}

// Lets the series maps be searched with a string_view (no key string built per request).
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};
template <class Series>
using SeriesMap = std::unordered_map<std::string, Series, KeyHash, std::equal_to<>>;

// The labels of one series, joined into a lookup key in a per-thread buffer.
std::string_view JoinKey(std::initializer_list<std::string_view> parts) {
  thread_local std::string key;
  key.clear();
  for (auto part : parts) {
    key += part;
    key += '\n';  // no label value holds one
  }
  return key;
}

}  // namespace

struct Metrics::Families {
  prometheus::Family<prometheus::Counter>& requests;
  prometheus::Family<prometheus::Histogram>& request_seconds;
  prometheus::Family<prometheus::Histogram>& store_seconds;
  prometheus::Family<prometheus::Counter>& store_errors;
  prometheus::Gauge& open_connections;

  // Series found once and kept: Family::Add builds a label map and searches the family under its
  // lock on every call, which was 3% of a GET by id. The labels are bounded (see metrics.h), so
  // these maps are too.
  struct RequestSeries {
    prometheus::Counter* count;
    prometheus::Histogram* seconds;
  };
  std::mutex series_mutex;
  SeriesMap<RequestSeries> request_series;
  SeriesMap<prometheus::Histogram*> store_series;
};

Metrics::Metrics(std::string_view version) : registry_(std::make_shared<prometheus::Registry>()) {
  auto& registry = *registry_;
  prometheus::BuildGauge()
      .Name("switchboard_build_info")
      .Help("Always 1; the labels describe the running build")
      .Register(registry)
      .Add({{"version", std::string(version)}})
      .Set(1);
  families_.reset(new Families{
      prometheus::BuildCounter()
          .Name("switchboard_http_requests_total")
          .Help("HTTP requests answered, by method, route template and status")
          .Register(registry),
      prometheus::BuildHistogram()
          .Name("switchboard_http_request_duration_seconds")
          .Help("Time from a complete request to its response, by method and route template")
          .Register(registry),
      prometheus::BuildHistogram()
          .Name("switchboard_store_operation_duration_seconds")
          .Help("Time of each store call, by operation")
          .Register(registry),
      prometheus::BuildCounter()
          .Name("switchboard_store_operation_errors_total")
          .Help("Store calls that failed, by operation and error code")
          .Register(registry),
      prometheus::BuildGauge()
          .Name("switchboard_http_open_connections")
          .Help("HTTP connections currently open")
          .Register(registry)
          .Add({}),
  });
}

Metrics::~Metrics() = default;

void Metrics::RecordRequest(std::string_view method, std::string_view route, int status,
                            std::chrono::duration<double> elapsed) {
  std::string method_label = MethodLabel(method);
  std::string_view route_label = route.empty() ? "unmatched" : route;
  char status_text[8];
  auto status_label = std::string_view(
      status_text, std::to_chars(status_text, status_text + 8, status).ptr - status_text);
  Families::RequestSeries series;
  {
    std::lock_guard lock(families_->series_mutex);
    auto key = JoinKey({method_label, route_label, status_label});
    auto found = families_->request_series.find(key);
    if (found == families_->request_series.end()) {
      std::string route_text(route_label);
      Families::RequestSeries made{
          &families_->requests.Add({{"method", method_label},
                                    {"route", route_text},
                                    {"status", std::string(status_label)}}),
          &families_->request_seconds.Add({{"method", method_label}, {"route", route_text}},
                                          LatencyBuckets())};
      found = families_->request_series.emplace(std::string(key), made).first;
    }
    series = found->second;
  }
  series.count->Increment();
  series.seconds->Observe(elapsed.count());
}

void Metrics::RecordStoreOperation(std::string_view operation,
                                   std::chrono::duration<double> elapsed,
                                   std::string_view error_code) {
  prometheus::Histogram* seconds = nullptr;
  {
    std::lock_guard lock(families_->series_mutex);
    auto found = families_->store_series.find(operation);
    if (found == families_->store_series.end()) {
      auto* made =
          &families_->store_seconds.Add({{"operation", std::string(operation)}}, LatencyBuckets());
      found = families_->store_series.emplace(std::string(operation), made).first;
    }
    seconds = found->second;
  }
  seconds->Observe(elapsed.count());
  if (!error_code.empty()) {
    families_->store_errors
        .Add({{"operation", std::string(operation)}, {"code", std::string(error_code)}})
        .Increment();
  }
}

void Metrics::SetOpenConnections(std::size_t count) {
  families_->open_connections.Set(static_cast<double>(count));
}

std::string Metrics::Render() const {
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace sb
