#include "app/access_log.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <random>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/logging.h"
#include "domain/encoding.h"

namespace sb {
namespace {

// One event, one line: driver messages span lines, and a request must not forge log lines.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      c = ' ';
  }
  return text;
}

// 128 random bits as 32 hex digits. Request ids are labels, not secrets: a per-thread PRNG
// seeded from the system's random source is enough and costs no system call per request.
std::string NewRequestId() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::array<std::uint64_t, 2> words{engine(), engine()};
  return HexEncode({reinterpret_cast<const std::uint8_t*>(words.data()), sizeof words});
}

struct AccessRecord {
  const http::Request& request;
  const http::Response& response;
  const std::string& request_id;
  double ms;
};

void LogPlain(spdlog::logger& log, const AccessRecord& r) {
  std::string route = r.response.route.empty() ? "-" : std::string(r.response.route);
  std::string line =
      fmt::format("{} {} {} {:.3f}ms {} id={} route={}", r.request.method, OneLine(r.request.path),
                  r.response.status, r.ms, r.request.remote_address, r.request_id, route);
  if (r.response.log_note.empty()) {
    log.info("{}", line);
  } else {
    log.warn("{} error: {}", line, OneLine(r.response.log_note));
  }
}

// The members of one JSON object (the formatter adds time, level and logger around them).
void LogJson(spdlog::logger& log, const AccessRecord& r) {
  std::string members = fmt::format(
      "\"request_id\":{},\"method\":{},\"path\":{},\"route\":{},\"status\":{},"
      "\"duration_ms\":{:.3f},\"remote\":{}",
      JsonString(r.request_id), JsonString(r.request.method), JsonString(r.request.path),
      JsonString(std::string(r.response.route)), r.response.status, r.ms,
      JsonString(r.request.remote_address));
  if (r.response.log_note.empty()) {
    log.info("{}", members);
  } else {
    log.warn("{},\"error\":{}", members, JsonString(r.response.log_note));
  }
}

}  // namespace

bool IsSafeRequestId(std::string_view id) {
  if (id.empty() || id.size() > 128)
    return false;
  for (char c : id) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view("-_.:+/=@").find(c) != std::string_view::npos;
    if (!safe)
      return false;
  }
  return true;
}

http::AsyncRequestHandler WithAccessLog(http::AsyncRequestHandler next, bool json) {
  // Looked up once: the registry takes a lock. Without ConfigureLogging, the default logger.
  auto log = spdlog::get(kAccessLogger);
  if (!log)
    log = spdlog::default_logger();
  return [next = std::move(next), json, log](http::Request& request, http::Reply reply) {
    auto start = std::chrono::steady_clock::now();
    auto given = request.Header("X-Request-Id");
    std::string request_id = IsSafeRequestId(given) ? std::string(given) : NewRequestId();
    if (spdlog::should_log(spdlog::level::debug))
      spdlog::debug("begin {} {} id={}", request.method, OneLine(request.path), request_id);
    // The request outlives the reply (http::AsyncRequestHandler).
    next(request, [&request, start, request_id, json, log,
                   reply = std::move(reply)](http::Response response) {
      response.headers.emplace_back("X-Request-Id", request_id);
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
      // Formatted only when it will be written (at --log-level warn it was ~2% of a GET by id).
      auto level = response.log_note.empty() ? spdlog::level::info : spdlog::level::warn;
      if (log->should_log(level)) {
        AccessRecord record{request, response, request_id, ms};
        if (json) {
          LogJson(*log, record);
        } else {
          LogPlain(*log, record);
        }
      }
      reply(std::move(response));
    });
  };
}

http::AsyncRequestHandler WithMetrics(http::AsyncRequestHandler next, Metrics& metrics) {
  return [next = std::move(next), &metrics](http::Request& request, http::Reply reply) {
    auto start = std::chrono::steady_clock::now();
    next(request, [&request, &metrics, start, reply = std::move(reply)](http::Response response) {
      metrics.RecordRequest(request.method, response.route, response.status,
                            std::chrono::steady_clock::now() - start);
      reply(std::move(response));
    });
  };
}

}  // namespace sb
