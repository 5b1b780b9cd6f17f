#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/message.h"

namespace sb::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (read it back with port())
  std::size_t threads = 4;
  std::size_t max_body_bytes = 1 << 20;    // larger bodies answer 413
  std::chrono::seconds read_timeout{30};   // to read a whole request
  std::chrono::seconds write_timeout{30};  // to write a whole response
  std::chrono::seconds drain_timeout{15};  // graceful stop: longest wait for in-flight requests
};

using RequestHandler = std::function<Response(Request&)>;
using ErrorRenderer = std::function<Response(int status)>;

// The HTTP/1.1 server: the only code that knows RESTinio. It turns each request into a plain
// Request, calls the handler on one of its threads, and writes the Response. A handler that
// throws is answered 500 (RESTinio would otherwise close the connection without a word).
// Bodies over the limit answer 413 without reaching the handler.
class Server {
 public:
  Server(ServerOptions options, RequestHandler handler, ErrorRenderer render_error);
  ~Server();

  // Binds and starts serving on the thread pool. Throws if the address cannot be bound.
  void Start();
  // The bound port (after Start).
  std::uint16_t port() const;
  // Stops accepting, waits up to drain_timeout for in-flight requests to be answered, then stops
  // the threads. Idempotent.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sb::http
