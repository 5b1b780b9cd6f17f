#pragma once

#include <cstddef>
#include <string>

#include <CLI/CLI.hpp>

namespace sb {

// Every setting of the server. Each is a flag with a matching environment variable; a flag
// wins over the environment, which wins over the default (docs/configuration.md).
struct Config {
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
  std::size_t max_body_bytes = 1 << 20;
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  int drain_timeout_seconds = 15;
  std::size_t min_password_length = 8;
  std::string log_level = "info";

  std::string EffectiveKeyFile() const { return key_file.empty() ? database + ".key" : key_file; }
};

// Registers the store options (--database, --key-file) on a command.
void AddStoreOptions(CLI::App& command, Config& config);
// Registers the server options (--listen, ...) on the serve command.
void AddServeOptions(CLI::App& command, Config& config);

// Splits "HOST:PORT" ("[::1]:8080" for IPv6). Throws std::invalid_argument when malformed.
struct ListenAddress {
  std::string host;
  unsigned short port;
};
ListenAddress ParseListen(const std::string& listen);

}  // namespace sb
