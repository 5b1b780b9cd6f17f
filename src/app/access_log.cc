#include "app/access_log.h"

#include <chrono>

#include <spdlog/spdlog.h>

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

}  // namespace

http::RequestHandler WithAccessLog(http::RequestHandler next) {
  return [next = std::move(next)](http::Request& request) {
    auto start = std::chrono::steady_clock::now();
    spdlog::debug("begin {} {}", request.method, request.path);
    http::Response response = next(request);
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (response.log_note.empty()) {
      spdlog::info("{} {} {} {:.3f}ms {}", request.method, OneLine(request.path), response.status,
                   ms, request.remote_address);
    } else {
      spdlog::warn("{} {} {} {:.3f}ms {} error: {}", request.method, OneLine(request.path),
                   response.status, ms, request.remote_address, OneLine(response.log_note));
    }
    return response;
  };
}

}  // namespace sb
