#include "http/server.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <restinio/all.hpp>

namespace sb::http {
namespace {

// Bodies between the API limit and this cap are read and answered 413; a body claiming more is
// cut off by closing the connection, so that no client can make the server buffer without bound.
constexpr std::uint64_t kHardBodyCap = 8u << 20;

// RESTinio's own connection-count limiter is not used: its per-connection monitors point into
// the server object, and connections still parked in the io_context when it is destroyed at
// shutdown would touch it after it is gone (seen under AddressSanitizer).
using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

using RestinioServer = restinio::http_server_t<Traits>;

Request ToRequest(const restinio::request_handle_t& req) {
  Request out;
  const auto& header = req->header();
  out.method = header.method().c_str();
  out.path = std::string(header.path());
  out.query = std::string(header.query());
  header.for_each_field([&](const restinio::http_header_field_t& field) {
    out.headers.emplace_back(field.name(), field.value());
  });
  out.body = req->body();
  out.remote_address = req->remote_endpoint().address().to_string();
  return out;
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, RequestHandler handler, ErrorRenderer render_error)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        render_error_(std::move(render_error)) {}

  ~Impl() { Stop(); }

  void Start() {
    auto settings =
        restinio::server_settings_t<Traits>{}
            .address(options_.host)
            .port(options_.port)
            .read_next_http_message_timelimit(options_.read_timeout)
            .write_http_response_timelimit(options_.write_timeout)
            .handle_request_timeout(options_.write_timeout)
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(
                std::max<std::uint64_t>(kHardBodyCap, 4 * options_.max_body_bytes)))
            .acceptor_post_bind_hook([this](asio::ip::tcp::acceptor& acceptor) {
              bound_port_ = acceptor.local_endpoint().port();
            })
            .request_handler([this](restinio::request_handle_t req) { return Handle(req); });
    server_ =
        std::make_unique<RestinioServer>(restinio::external_io_context(io_), std::move(settings));
    server_->open_sync();
    work_ = std::make_unique<asio::executor_work_guard<asio::io_context::executor_type>>(
        io_.get_executor());
    for (std::size_t i = 0; i < std::max<std::size_t>(1, options_.threads); ++i) {
      threads_.emplace_back([this] { io_.run(); });
    }
  }

  std::uint16_t port() const { return bound_port_; }

  void Stop() {
    if (threads_.empty())
      return;
    // Stop accepting; connections already open may still finish their requests.
    asio::post(io_, [this] { server_->close_sync(); });
    {
      std::unique_lock lock(mutex_);
      drained_.wait_for(lock, options_.drain_timeout, [this] { return in_flight_ == 0; });
    }
    work_.reset();
    io_.stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    server_.reset();
  }

 private:
  restinio::request_handling_status_t Handle(const restinio::request_handle_t& req) {
    {
      std::lock_guard lock(mutex_);
      ++in_flight_;
    }
    Response response = Produce(req);
    auto builder = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        std::string(ReasonPhrase(response.status))});
    for (auto& [name, value] : response.headers) builder.append_header(name, value);
    if (response.status != 204)
      builder.set_body(std::move(response.body));
    builder.done([this](const asio::error_code&) { Finished(); });
    return restinio::request_accepted();
  }

  // Everything a handler does, with every exception turned into a 500.
  Response Produce(const restinio::request_handle_t& req) {
    try {
      if (req->body().size() > options_.max_body_bytes)
        return render_error_(413);
      Request request = ToRequest(req);
      return handler_(request);
    } catch (...) {
      try {
        return render_error_(500);
      } catch (...) {
        return Response{500,
                        {{"Content-Type", "application/json"}},
                        R"({"error":"Internal Server Error"})",
                        {}};
      }
    }
  }

  void Finished() {
    std::lock_guard lock(mutex_);
    if (--in_flight_ == 0)
      drained_.notify_all();
  }

  ServerOptions options_;
  RequestHandler handler_;
  ErrorRenderer render_error_;
  asio::io_context io_;
  std::unique_ptr<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  std::unique_ptr<RestinioServer> server_;
  std::vector<std::thread> threads_;
  std::atomic<std::uint16_t> bound_port_{0};
  std::mutex mutex_;
  std::condition_variable drained_;
  int in_flight_ = 0;
};

Server::Server(ServerOptions options, RequestHandler handler, ErrorRenderer render_error)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler),
                                   std::move(render_error))) {}
Server::~Server() = default;
void Server::Start() { impl_->Start(); }
std::uint16_t Server::port() const { return impl_->port(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace sb::http
