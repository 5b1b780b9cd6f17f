#include "app/serve_command.h"

#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

#include <signal.h>
#include <spdlog/spdlog.h>

#include "api/api_context.h"
#include "api/error_response.h"
#include "api/fabric/fabric_routes.h"
#include "api/relay/relay_routes.h"
#include "api/relay/sip_profile_routes.h"
#include "api/service_routes.h"
#include "app/access_log.h"
#include "app/instrumented_stores.h"
#include "app/logging.h"
#include "app/metrics.h"
#include "app/secret_key_file.h"
#include "app/stores.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/password_sealer.h"
#include "domain/random.h"
#include "http/router.h"
#include "http/server.h"
#include "service/endpoint_service.h"
#include "service/profile_service.h"
#include "service/project_service.h"
#include "service/resource_service.h"

namespace sb {
namespace {

// Blocks the stop signals in this thread and every thread started after, so that sigwait
// receives them instead of a handler interrupting a worker.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

// GET /metrics: Prometheus' text format, without authentication like /healthz (it holds counts
// and timings, never a project's data).
void AddMetricsRoute(http::Router& router, Metrics& metrics) {
  router.Add("GET", "/metrics", [&metrics](const http::Request&, const http::PathParams&) {
    return http::Response{
        200, {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}}, metrics.Render()};
  });
}

}  // namespace

int RunServe(const Config& config) {
  // Logs go to stderr; stdout carries only the lines a script reads (URL, bootstrap).
  ConfigureLogging(config.log_level, config.log_format);
  sigset_t stop_signals = BlockStopSignals();
  // A client that goes away mid-response must not kill the server.
  signal(SIGPIPE, SIG_IGN);
  ListenAddress listen = ParseListen(config.listen);

  SystemClock clock;
  SecureRandom random;
  IdGenerator ids(clock, random);
  Metrics metrics(SB_VERSION);
  Stores stores = Instrument(OpenStores(config.database, config.StoreConnections()), metrics);
  PasswordSealer sealer(LoadOrCreateKeys(config.EffectiveKeyFile(), config.secret_keys, random),
                        random);

  ProjectService projects(*stores.projects, ids, random, clock);
  ProfileService profiles(*stores.projects, sealer, config.sip_domain_suffix);
  if (auto recorded = profiles.RecordDomainSuffix(); !recorded) {
    throw std::runtime_error("cannot record the SIP domain suffix: " + recorded.error().internal);
  }
  auto bootstrap = projects.BootstrapIfEmpty();
  if (!bootstrap)
    throw std::runtime_error("bootstrap failed: " + bootstrap.error().internal);

  EndpointServiceOptions endpoint_options;
  endpoint_options.sip_domain_suffix = config.sip_domain_suffix;
  endpoint_options.rules.min_password_length = config.min_password_length;
  EndpointService endpoints(*stores.endpoints, *stores.projects, sealer, ids, clock,
                            endpoint_options);
  ResourceService resources(*stores.resources, *stores.projects, endpoints, ids, clock);
  std::optional<TokenCache> token_cache;
  if (config.token_cache_ms > 0)
    token_cache.emplace(clock, Micros{config.token_cache_ms} * 1000);
  Authenticator authenticator(*stores.projects, token_cache ? &*token_cache : nullptr);
  AuthThrottle throttle(clock, {config.auth_failures_per_address, config.auth_failures_per_project,
                                Micros{config.auth_failure_window_seconds} * 1'000'000});

  api::ApiContext context{endpoints,
                          resources,
                          profiles,
                          authenticator,
                          {config.public_base_url, config.behind_tls_proxy, config.listen},
                          &throttle};
  http::Router router([](int status) { return api::StatusResponse(status); });
  api::AddServiceRoutes(router, *stores.projects);
  AddMetricsRoute(router, metrics);
  api::AddRelayEndpointRoutes(router, context);
  api::AddSipProfileRoutes(router, context);
  api::AddFabricEndpointRoutes(router, context);
  api::AddFabricResourceRoutes(router, context);

  http::ServerOptions options;
  options.host = listen.host;
  options.port = listen.port;
  options.threads = config.threads;
  options.write_threads = config.write_threads;
  // A route that waits for nothing (a create on SQLite, a GET on PostgreSQL) answers from the
  // thread the request arrived on; the write pool is for handlers that wait for a commit.
  options.runs_on_write_pool = [&router](std::string_view method, std::string_view path) {
    return !router.AnswersAsynchronously(method, path);
  };
  options.max_body_bytes = config.max_body_bytes;
  options.read_timeout = std::chrono::seconds(config.read_timeout_seconds);
  options.write_timeout = std::chrono::seconds(config.write_timeout_seconds);
  options.drain_timeout = std::chrono::seconds(config.drain_timeout_seconds);
  options.max_header_bytes = config.max_header_bytes;
  options.max_connections = config.max_connections;
  options.tls_certificate_file = config.tls_cert;
  options.tls_private_key_file = config.tls_key;
  options.on_connections_changed = [&metrics](std::size_t open) {
    metrics.SetOpenConnections(open);
  };
  http::AsyncRequestHandler dispatch = [&router](http::Request& request, http::Reply reply) {
    router.Dispatch(request, std::move(reply));
  };
  http::Server server(
      options,
      WithAccessLog(WithMetrics(std::move(dispatch), metrics), config.log_format == "json"),
      [](int status) { return api::StatusResponse(status); });
  server.Start();

  std::string host =
      listen.host.find(':') != std::string::npos ? "[" + listen.host + "]" : listen.host;
  if (*bootstrap && bootstrap->has_value()) {
    const Bootstrap& b = **bootstrap;
    std::cout << "created project \"" << b.project.name << "\" (SIP domain "
              << SipDomain(b.project.profile, config.sip_domain_suffix) << ")\n"
              << "project_id: " << b.project.id << "\n"
              << "api_token: " << b.token.secret << "\n"
              << "(the token is shown only now; `switchboard token create` makes more)\n";
  }
  // Last, so that a script can read up to this line and know the server is ready.
  std::cout << "listening on " << (config.tls_cert.empty() ? "http" : "https") << "://" << host
            << ":" << server.port() << std::endl;
  spdlog::info("serving on {}:{} with {} threads, store {}", host, server.port(), config.threads,
               config.database);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  spdlog::info("received {}, finishing requests in flight", strsignal(signal_number));
  server.Stop();
  // A GET still waiting for PostgreSQL past the drain is answered now, while the server can
  // still drop its answer (http::Server::Stop).
  stores.endpoints->StopAsyncCalls();
  spdlog::info("stopped");
  return 0;
}

}  // namespace sb
