#pragma once

#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace sb::cli {

// Where the client commands find the server and who they are.
struct ClientOptions {
  std::string url = "http://127.0.0.1:8080";
  std::string project;
  std::string token;
  bool json = false;  // print the server's JSON instead of a table
};

// Registers --url, --project, --token (with SWITCHBOARD_URL, SWITCHBOARD_PROJECT,
// SWITCHBOARD_TOKEN) and --json on a client command.
void AddClientOptions(CLI::App& command, ClientOptions& options);

// `text` percent-encoded for a path segment or a query value (RFC 3986 unreserved kept).
std::string Encode(const std::string& text);

// A failed call, with one line for people: "404 Not Found", or the 422 entries joined
// ("username: username must not contain whitespace or @ (invalid_parameter)").
struct ApiError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A blocking HTTPS/HTTP client of one switchboard server (libcurl), with Basic authentication.
class ApiClient {
 public:
  explicit ApiClient(const ClientOptions& options);
  ~ApiClient();
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  // Sends the request (`path` relative to --url, or an absolute URL such as a `links.next`) and
  // returns the parsed JSON body (null for 204). Throws ApiError for anything but 2xx.
  nlohmann::ordered_json Call(const std::string& method, const std::string& path,
                              const nlohmann::ordered_json* body = nullptr);

 private:
  ClientOptions options_;
  void* curl_;
};

}  // namespace sb::cli
