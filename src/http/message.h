#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sb::http {

// A request as the server adapter hands it over: plain data, no RESTinio types, so that routes
// and handlers can be tested without a socket.
struct Request {
  std::string method;  // upper case, e.g. "GET"
  std::string path;    // the target before '?', not decoded
  std::string query;   // the target after '?', not decoded; empty when none
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_address;  // client IP, for rate limits and logs
  bool tls = false;            // arrived over HTTPS

  // The first header named `name` (case-insensitive), or an empty view.
  std::string_view Header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string log_note;  // an error's internal text, for the access log only; never sent
  // The route template that answered ("" when none matched): a bounded value for metrics and
  // logs. Points into the router, which outlives every response.
  std::string_view route;

  static Response Json(int status, std::string body) {
    return {status, {{"Content-Type", "application/json"}}, std::move(body), {}, {}};
  }
  static Response Empty(int status) { return {status, {}, {}, {}, {}}; }
};

// Where an asynchronous handler sends its answer: call it exactly once, from any thread.
using Reply = std::function<void(Response)>;

// The standard reason phrase of an HTTP status ("Not Found"); "Unknown" for others.
std::string_view ReasonPhrase(int status);

}  // namespace sb::http
