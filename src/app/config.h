#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace sb {

// Every setting of the server. Each is a flag, an environment variable (SWITCHBOARD_ and the
// flag's name) and a key of the --config TOML file (the flag's name). A flag wins over the
// environment, which wins over the file, which wins over the default (docs/configuration.md).
struct Config {
  std::string config_file;  // --config: a TOML file of settings
  // Store
  std::string database = "switchboard.db";  // SQLite file path, or a postgres:// URL
  std::string key_file;                     // default: <database>.key
  std::string secret_keys;                  // SWITCHBOARD_SECRET_KEYS: hex keys, comma-separated

  // Server
  std::string listen = "127.0.0.1:8080";
  std::string sip_domain_suffix = "sip.localhost";
  std::string public_base_url;
  bool behind_tls_proxy = false;
  std::size_t threads = 4;
  std::size_t write_threads = 64;  // http::ServerOptions::write_threads

  // Database connections one server's pool opens: one per HTTP thread, one spare, and up to 16
  // for the write threads (they wait their turn beyond that; a commit serves many of them at
  // once). On PostgreSQL the GET pipeline opens one more (PgEndpointStore).
  std::size_t StoreConnections() const {
    return threads + 1 + std::min<std::size_t>(write_threads, 16);
  }
  std::size_t max_body_bytes = 1 << 20;
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  int drain_timeout_seconds = 15;
  std::size_t min_password_length = 8;
  std::size_t max_header_bytes = 16 << 10;
  std::size_t max_connections = 1024;
  std::string tls_cert;  // PEM certificate chain: serve HTTPS (with tls_key)
  std::string tls_key;   // PEM private key

  // Failed authentications allowed per window before 429, per client address and per project.
  std::size_t auth_failures_per_address = 20;
  std::size_t auth_failures_per_project = 100;
  int auth_failure_window_seconds = 60;
  // How long a token that authenticated is trusted without a store lookup (auth/token_cache.h).
  int token_cache_ms = 1000;

  std::string log_level = "info";
  std::string log_format = "plain";  // or "json"

  std::string EffectiveKeyFile() const { return key_file.empty() ? database + ".key" : key_file; }
};

// Registers the store options (--database, --key-file) and --config on a command.
void AddStoreOptions(CLI::App& command, Config& config);
// Registers the server options (--listen, ...) on the serve command.
void AddServeOptions(CLI::App& command, Config& config);

// Fills the options of `command` that neither a flag nor the environment set from the TOML file
// `path` (keys are the options' long names; `_` may stand for `-`). Throws std::invalid_argument
// naming the file, line and key for a syntax error, an unknown key or a bad value.
void ApplyConfigFile(CLI::App& command, const std::string& path);

// An action for command->callback() that first applies config.config_file (when given).
std::function<void()> WithConfigFile(CLI::App& command, const Config& config,
                                     std::function<void()> action);

// The effective value of every option of `command` as TOML lines (`key = value`), with secrets
// masked: a password inside a database URL, and the secret keys given in the environment.
std::string EffectiveSettings(const CLI::App& command, const Config& config);

// Splits "HOST:PORT" ("[::1]:8080" for IPv6). Throws std::invalid_argument when malformed.
struct ListenAddress {
  std::string host;
  unsigned short port;
};
ListenAddress ParseListen(const std::string& listen);

}  // namespace sb
