#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.h"

namespace sb::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (read it back with port())
  std::size_t threads = 4;    // I/O threads: parse requests, run reads, write responses
  // Requests that may change state (any method but GET and HEAD) run on a pool of this many
  // threads instead, so that a write waiting for its commit (an fsync) holds no I/O thread and
  // many writes can wait together and share one commit. 0: on the I/O threads.
  std::size_t write_threads = 0;
  // Which of those requests run on the write pool, by method and path (the path without its
  // query); unset: all. One whose handler answers without waiting for its commit (a create
  // queued for SQLite's group commit) is best run on the I/O thread it arrived on.
  std::function<bool(std::string_view method, std::string_view path)> runs_on_write_pool;
  std::size_t max_body_bytes = 1 << 20;    // larger bodies answer 413
  std::chrono::seconds read_timeout{30};   // to read a whole request
  std::chrono::seconds write_timeout{30};  // to write a whole response
  std::chrono::seconds drain_timeout{15};  // graceful stop: longest wait for in-flight requests
  // Request line and headers together; larger answer 431. Far larger ones (past fixed hard caps
  // on one field and on the field count) are cut off by closing the connection.
  std::size_t max_header_bytes = 16 << 10;
  // Connections open at once; more are closed as soon as they are accepted. 0: no limit.
  std::size_t max_connections = 0;
  // HTTPS: PEM files of the certificate chain and its private key. Both empty: plain HTTP.
  std::string tls_certificate_file;
  std::string tls_private_key_file;
  // Told whenever the number of open connections changes (on the server's threads).
  std::function<void(std::size_t open)> on_connections_changed;
};

using RequestHandler = std::function<Response(Request&)>;
// Answers through the Reply, exactly once, from any thread, now or later; the request stays
// valid until then. A handler that waits for a database this way holds no I/O thread meanwhile.
using AsyncRequestHandler = std::function<void(Request&, Reply)>;
using ErrorRenderer = std::function<Response(int status)>;

// The HTTP/1.1 server: the only code that knows RESTinio. It turns each request into a plain
// Request, calls the handler on one of its threads (a write pool's for writes, when it has one),
// and writes the Response. A handler that
// throws is answered 500 (RESTinio would otherwise close the connection without a word).
// Bodies over the limit answer 413 and headers over the limit 431, without reaching the handler.
class Server {
 public:
  Server(ServerOptions options, AsyncRequestHandler handler, ErrorRenderer render_error);
  Server(ServerOptions options, RequestHandler handler, ErrorRenderer render_error);
  ~Server();

  // Binds and starts serving on the thread pool. Throws if the address cannot be bound.
  void Start();
  // The bound port (after Start).
  std::uint16_t port() const;
  // Connections open now.
  std::size_t open_connections() const;
  // Stops accepting, waits up to drain_timeout for in-flight requests to be answered, then stops
  // the threads. Idempotent. An asynchronous answer that comes later is dropped; whatever would
  // give one must be stopped before the server is destroyed.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sb::http
