#include "http/server.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include <asio/thread_pool.hpp>
#include <restinio/all.hpp>
#include <restinio/tls.hpp>

#include "http/address_text.h"

namespace sb::http {
namespace {

// Bodies between the API limit and this cap are read and answered 413; a body claiming more is
// cut off by closing the connection, so that no client can make the server buffer without bound.
constexpr std::uint64_t kHardBodyCap = 8u << 20;
// The same for headers: past these the parser stops and the connection is closed. Below them,
// the adapter measures the whole header block against ServerOptions::max_header_bytes (431).
constexpr std::size_t kHardFieldBytes = 64u << 10;
constexpr std::size_t kHardFieldCount = 256;

// Counts open connections (RESTinio tells it of each accept and close) and refuses new ones past
// the maximum (RESTinio asks it before serving each accepted socket). RESTinio's own
// connection-count limiter is not used: its per-connection monitors point into the server
// object, and connections still parked in the io_context when it is destroyed at shutdown would
// touch it after it is gone (seen under AddressSanitizer). This one is shared-owned.
class ConnectionGate {
 public:
  ConnectionGate(std::size_t max, std::function<void(std::size_t)> on_change)
      : max_(max), on_change_(std::move(on_change)) {}

  // ip_blocker_t
  restinio::ip_blocker::inspection_result_t inspect(
      const restinio::ip_blocker::incoming_info_t&) noexcept {
    if (closing_.load() || (max_ != 0 && open() >= max_))
      return restinio::ip_blocker::deny();
    return restinio::ip_blocker::allow();
  }

  // From now on every new connection is closed as soon as it is accepted.
  void Close() { closing_ = true; }

  // connection_state_listener_t. Counted by connection id, not by events: RESTinio may report a
  // connection closed twice, or closed without accepted (a failed TLS handshake), and a plain
  // counter would drift and then refuse everyone.
  void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
    std::size_t open = 0;
    {
      std::lock_guard lock(mutex_);
      if (restinio::holds_alternative<restinio::connection_state::accepted_t>(notice.cause())) {
        open_ids_.insert(notice.connection_id());
      } else if (restinio::holds_alternative<restinio::connection_state::closed_t>(
                     notice.cause())) {
        open_ids_.erase(notice.connection_id());
      } else {
        return;
      }
      open = open_ids_.size();
      open_count_ = open;
    }
    if (on_change_) {
      try {
        on_change_(open);
      } catch (...) {
      }
    }
  }

  std::size_t open() const { return open_count_.load(); }

 private:
  const std::size_t max_;
  std::function<void(std::size_t)> on_change_;
  std::mutex mutex_;
  std::unordered_set<restinio::connection_id_t> open_ids_;
  std::atomic<std::size_t> open_count_{0};
  std::atomic<bool> closing_{false};
};

template <class Socket>
struct GatedTraits
    : public restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t,
                                restinio::default_request_handler_t, restinio::default_strand_t,
                                Socket> {
  using connection_state_listener_t = ConnectionGate;
  using ip_blocker_t = ConnectionGate;
};
using PlainTraits = GatedTraits<restinio::asio_ns::ip::tcp::socket>;
using TlsTraits = GatedTraits<restinio::impl::tls_socket_t>;

// The request line and the header fields, as they came on the wire (give or take separators).
std::size_t HeaderBytes(const restinio::request_handle_t& req) {
  const auto& header = req->header();
  std::size_t bytes = header.method().c_str() ? std::strlen(header.method().c_str()) : 0;
  bytes += header.request_target().size() + 12;
  header.for_each_field([&](const restinio::http_header_field_t& field) {
    bytes += field.name().size() + field.value().size() + 4;
  });
  return bytes;
}

Request ToRequest(const restinio::request_handle_t& req, bool tls) {
  Request out;
  const auto& header = req->header();
  out.method = header.method().c_str();
  out.path = std::string(header.path());
  out.query = std::string(header.query());
  header.for_each_field([&](const restinio::http_header_field_t& field) {
    out.headers.emplace_back(field.name(), field.value());
  });
  out.body = req->body();
  const auto address = req->remote_endpoint().address();
  out.remote_address = address.is_v4() ? Ipv4Text(address.to_v4().to_bytes()) : address.to_string();
  out.tls = tls;
  return out;
}

}  // namespace

// What the plain and the TLS server share; the RESTinio server itself depends on the traits.
class Server::Impl {
 public:
  Impl(ServerOptions options, AsyncRequestHandler handler, ErrorRenderer render_error)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        render_error_(std::move(render_error)),
        gate_(std::make_shared<ConnectionGate>(options_.max_connections,
                                               options_.on_connections_changed)) {}

  ~Impl() { Stop(); }

  void Start() {
    bool tls = !options_.tls_certificate_file.empty();
    if (tls) {
      StartServer<TlsTraits>(tls_server_, [this](auto settings) {
        auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
        context->set_options(asio::ssl::context::default_workarounds |
                             asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 |
                             asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                             asio::ssl::context::single_dh_use);
        context->use_certificate_chain_file(options_.tls_certificate_file);
        context->use_private_key_file(options_.tls_private_key_file, asio::ssl::context::pem);
        return std::move(settings).tls_context(std::move(context));
      });
    } else {
      StartServer<PlainTraits>(plain_server_, [](auto settings) { return settings; });
    }
    if (options_.write_threads > 0)
      write_pool_ = std::make_unique<asio::thread_pool>(options_.write_threads);
    work_ = std::make_unique<asio::executor_work_guard<asio::io_context::executor_type>>(
        io_.get_executor());
    for (std::size_t i = 0; i < std::max<std::size_t>(1, options_.threads); ++i) {
      threads_.emplace_back([this] { io_.run(); });
    }
  }

  std::uint16_t port() const { return bound_port_; }
  std::size_t open_connections() const { return gate_->open(); }

  void Stop() {
    if (threads_.empty())
      return;
    // Turn new connections away; connections already open may still finish their requests. The
    // listening socket itself is closed only once the threads have stopped (by the servers'
    // destructors): RESTinio runs its accept loop outside the strand it closes the acceptor on,
    // so closing it while the threads run raced with an accept (seen by ThreadSanitizer).
    gate_->Close();
    {
      std::unique_lock lock(mutex_);
      drained_.wait_for(lock, options_.drain_timeout, [this] { return in_flight_ == 0; });
    }
    if (write_pool_)
      write_pool_->join();  // after the drain, so a write past it still finishes
    work_.reset();
    io_.stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    write_pool_.reset();
    plain_server_.reset();
    tls_server_.reset();
  }

 private:
  template <class Traits, class Customize>
  void StartServer(std::unique_ptr<restinio::http_server_t<Traits>>& server, Customize customize) {
    constexpr bool kTls = std::is_same_v<Traits, TlsTraits>;
    auto limits =
        restinio::incoming_http_msg_limits_t{}
            .max_body_size(std::max<std::uint64_t>(kHardBodyCap, 4 * options_.max_body_bytes))
            .max_url_size(kHardFieldBytes)
            .max_field_name_size(kHardFieldBytes)
            .max_field_value_size(kHardFieldBytes)
            .max_field_count(kHardFieldCount);
    auto settings =
        restinio::server_settings_t<Traits>{}
            .address(options_.host)
            .port(options_.port)
            .read_next_http_message_timelimit(options_.read_timeout)
            .write_http_response_timelimit(options_.write_timeout)
            .handle_request_timeout(options_.write_timeout)
            .incoming_http_msg_limits(limits)
            .connection_state_listener(gate_)
            .ip_blocker(gate_)
            .acceptor_post_bind_hook([this](asio::ip::tcp::acceptor& acceptor) {
              bound_port_ = acceptor.local_endpoint().port();
            })
            .request_handler([this](restinio::request_handle_t req) { return Handle(req, kTls); });
    server = std::make_unique<restinio::http_server_t<Traits>>(restinio::external_io_context(io_),
                                                               customize(std::move(settings)));
    server->open_sync();
  }

  restinio::request_handling_status_t Handle(const restinio::request_handle_t& req, bool tls) {
    {
      std::lock_guard lock(mutex_);
      ++in_flight_;
    }
    auto method = req->header().method();
    if (write_pool_ && method != restinio::http_method_get() &&
        method != restinio::http_method_head() &&
        (!options_.runs_on_write_pool ||
         options_.runs_on_write_pool(method.c_str(), req->header().path()))) {
      asio::post(*write_pool_, [this, req, tls] { Respond(req, tls); });
    } else {
      Respond(req, tls);
    }
    return restinio::request_accepted();
  }

  // Produces the response and hands it to RESTinio, which writes it on the connection's strand
  // (from whichever thread the answer comes on).
  void Respond(const restinio::request_handle_t& req, bool tls) {
    // What the answer needs, in one allocation: the request stays valid until it is answered.
    struct Exchange {
      Request request;
      std::atomic<bool> answered{false};
    };
    std::shared_ptr<Exchange> exchange;
    try {
      if (HeaderBytes(req) > options_.max_header_bytes)
        return Send(req, render_error_(431));
      if (req->body().size() > options_.max_body_bytes)
        return Send(req, render_error_(413));
      exchange = std::make_shared<Exchange>();
      exchange->request = ToRequest(req, tls);
      handler_(exchange->request, [this, req, exchange](Response response) {
        if (!exchange->answered.exchange(true))
          Send(req, std::move(response));
      });
    } catch (...) {
      if (!exchange || !exchange->answered.exchange(true))
        Send(req, InternalError());
    }
  }

  void Send(const restinio::request_handle_t& req, Response response) {
    try {
      auto builder = req->create_response(restinio::http_status_line_t{
          restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
          std::string(ReasonPhrase(response.status))});
      for (auto& [name, value] : response.headers) builder.append_header(name, value);
      if (response.status != 204)
        builder.set_body(std::move(response.body));
      builder.done([this](const asio::error_code&) { Finished(); });
    } catch (...) {
      Finished();  // the connection is gone; nothing more to write on it
    }
  }

  // A handler threw: 500, in the API's shape if that can be rendered.
  Response InternalError() {
    try {
      return render_error_(500);
    } catch (...) {
      return Response{500,
                      {{"Content-Type", "application/json"}},
                      R"({"error":"Internal Server Error"})",
                      {},
                      {}};
    }
  }

  void Finished() {
    std::lock_guard lock(mutex_);
    if (--in_flight_ == 0)
      drained_.notify_all();
  }

  ServerOptions options_;
  AsyncRequestHandler handler_;
  ErrorRenderer render_error_;
  std::shared_ptr<ConnectionGate> gate_;
  asio::io_context io_;
  std::unique_ptr<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  std::unique_ptr<restinio::http_server_t<PlainTraits>> plain_server_;
  std::unique_ptr<restinio::http_server_t<TlsTraits>> tls_server_;
  std::vector<std::thread> threads_;
  std::unique_ptr<asio::thread_pool> write_pool_;
  std::atomic<std::uint16_t> bound_port_{0};
  std::mutex mutex_;
  std::condition_variable drained_;
  int in_flight_ = 0;
};

Server::Server(ServerOptions options, AsyncRequestHandler handler, ErrorRenderer render_error)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler),
                                   std::move(render_error))) {}
Server::Server(ServerOptions options, RequestHandler handler, ErrorRenderer render_error)
    : Server(
          std::move(options),
          [handler = std::move(handler)](Request& request, Reply reply) {
            reply(handler(request));
          },
          std::move(render_error)) {}
Server::~Server() = default;
void Server::Start() { impl_->Start(); }
std::uint16_t Server::port() const { return impl_->port(); }
std::size_t Server::open_connections() const { return impl_->open_connections(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace sb::http
