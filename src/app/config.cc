#include "app/config.h"

#include <charconv>
#include <stdexcept>

namespace sb {

void AddStoreOptions(CLI::App& command, Config& config) {
  command
      .add_option("--config", config.config_file,
                  "TOML file of settings (keys: the long option names); flags and the "
                  "environment override it")
      ->envname("SWITCHBOARD_CONFIG");
  command
      .add_option("--database", config.database, "The store: a SQLite file, or a postgres:// URL")
      ->envname("SWITCHBOARD_DATABASE")
      ->capture_default_str();
  command
      .add_option("--key-file", config.key_file,
                  "File of the keys that seal SIP passwords (default: DATABASE.key; created "
                  "with mode 0600 when absent)")
      ->envname("SWITCHBOARD_KEY_FILE");
  // Keys given in the environment are never offered as a flag: a flag would show in `ps`.
  if (const char* keys = std::getenv("SWITCHBOARD_SECRET_KEYS"))
    config.secret_keys = keys;
}

void AddServeOptions(CLI::App& command, Config& config) {
  command.add_option("--listen", config.listen, "HOST:PORT to listen on (port 0: any free port)")
      ->envname("SWITCHBOARD_LISTEN")
      ->capture_default_str();
  command
      .add_option("--sip-domain", config.sip_domain_suffix,
                  "Suffix of every project's SIP domain and digest realm")
      ->envname("SWITCHBOARD_SIP_DOMAIN")
      ->capture_default_str();
  command
      .add_option("--public-url", config.public_base_url,
                  "Base URL for links in responses, e.g. https://sip-api.example.com")
      ->envname("SWITCHBOARD_PUBLIC_URL");
  command
      .add_flag("--behind-tls-proxy", config.behind_tls_proxy,
                "Links use https: a TLS proxy sits in front")
      ->envname("SWITCHBOARD_BEHIND_TLS_PROXY")
      ->default_str("false");
  command.add_option("--threads", config.threads, "HTTP worker threads")
      ->envname("SWITCHBOARD_THREADS")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  command
      .add_option("--write-threads", config.write_threads,
                  "Threads that run writes (POST, PUT, PATCH, DELETE), so that writes waiting "
                  "for their commit share it and hold no HTTP thread; 0 runs them on the HTTP "
                  "threads")
      ->envname("SWITCHBOARD_WRITE_THREADS")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  command.add_option("--max-body-bytes", config.max_body_bytes, "Largest request body (413 above)")
      ->envname("SWITCHBOARD_MAX_BODY_BYTES")
      ->check(CLI::Range(1024, 8 << 20))
      ->capture_default_str();
  command
      .add_option("--read-timeout", config.read_timeout_seconds,
                  "Seconds to receive a whole request")
      ->envname("SWITCHBOARD_READ_TIMEOUT")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  command
      .add_option("--write-timeout", config.write_timeout_seconds,
                  "Seconds to send a whole response")
      ->envname("SWITCHBOARD_WRITE_TIMEOUT")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  command
      .add_option("--drain-timeout", config.drain_timeout_seconds,
                  "On SIGTERM, seconds to wait for requests in flight")
      ->envname("SWITCHBOARD_DRAIN_TIMEOUT")
      ->check(CLI::Range(0, 3600))
      ->capture_default_str();
  command
      .add_option("--min-password-length", config.min_password_length,
                  "Shortest SIP password accepted")
      ->envname("SWITCHBOARD_MIN_PASSWORD_LENGTH")
      ->check(CLI::Range(8, 128))
      ->capture_default_str();
  command
      .add_option("--max-header-bytes", config.max_header_bytes,
                  "Largest request line and headers (431 above)")
      ->envname("SWITCHBOARD_MAX_HEADER_BYTES")
      ->check(CLI::Range(1024, 64 << 10))
      ->capture_default_str();
  command
      .add_option("--max-connections", config.max_connections,
                  "Connections open at once; more are refused (0: no limit)")
      ->envname("SWITCHBOARD_MAX_CONNECTIONS")
      ->check(CLI::Range(0, 1 << 20))
      ->capture_default_str();
  auto* cert = command
                   .add_option("--tls-cert", config.tls_cert,
                               "PEM certificate chain: serve HTTPS (needs --tls-key)")
                   ->envname("SWITCHBOARD_TLS_CERT")
                   ->check(CLI::ExistingFile);
  auto* key = command.add_option("--tls-key", config.tls_key, "PEM private key of --tls-cert")
                  ->envname("SWITCHBOARD_TLS_KEY")
                  ->check(CLI::ExistingFile);
  cert->needs(key);
  key->needs(cert);
  command
      .add_option("--auth-failures-per-address", config.auth_failures_per_address,
                  "Failed authentications one client address may make per window before 429")
      ->envname("SWITCHBOARD_AUTH_FAILURES_PER_ADDRESS")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str();
  command
      .add_option("--auth-failures-per-project", config.auth_failures_per_project,
                  "Failed authentications against one project per window before 429 (for "
                  "addresses that have not authenticated to it)")
      ->envname("SWITCHBOARD_AUTH_FAILURES_PER_PROJECT")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str();
  command
      .add_option("--auth-failure-window", config.auth_failure_window_seconds,
                  "Seconds over which failed authentications are counted")
      ->envname("SWITCHBOARD_AUTH_FAILURE_WINDOW")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  command
      .add_option("--token-cache-ms", config.token_cache_ms,
                  "Milliseconds a token that authenticated is trusted without a store lookup "
                  "(a token revoked elsewhere works here that long at most); 0 looks up every "
                  "request")
      ->envname("SWITCHBOARD_TOKEN_CACHE_MS")
      ->check(CLI::Range(0, 60'000))
      ->capture_default_str();
  command.add_option("--log-level", config.log_level, "trace, debug, info, warn, error or off")
      ->envname("SWITCHBOARD_LOG_LEVEL")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  command.add_option("--log-format", config.log_format, "plain, or json (one object per line)")
      ->envname("SWITCHBOARD_LOG_FORMAT")
      ->check(CLI::IsMember({"plain", "json"}))
      ->capture_default_str();
}

ListenAddress ParseListen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw std::invalid_argument("--listen must be HOST:PORT, got \"" + listen + "\"");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  unsigned port = 0;
  const char* begin = listen.data() + colon + 1;
  const char* end = listen.data() + listen.size();
  auto [ptr, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc() || ptr != end || port > 65535) {
    throw std::invalid_argument("--listen has a bad port: \"" + listen + "\"");
  }
  return {host, static_cast<unsigned short>(port)};
}

}  // namespace sb
