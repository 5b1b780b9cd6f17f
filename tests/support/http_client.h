#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sb::testing {

struct HttpResult {
  long status = 0;  // 0: no response (connection failed or closed)
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case

  nlohmann::ordered_json Json() const;
  std::string Header(const std::string& lower_name) const;
};

// A small blocking HTTP/1.1 client over libcurl, for tests that talk to a real server.
// Every secret it sends is remembered and every body it receives is checked for them
// (support/secret_watch.h). One instance per thread.
class HttpClient {
 public:
  explicit HttpClient(std::string base_url, std::string user = "", std::string password = "");
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult Get(const std::string& path) { return Send("GET", path); }
  HttpResult Delete(const std::string& path) { return Send("DELETE", path); }
  HttpResult Post(const std::string& path, const std::string& body) {
    return Send("POST", path, body);
  }
  HttpResult Put(const std::string& path, const std::string& body) {
    return Send("PUT", path, body);
  }
  // `path` may also be an absolute URL (a `links.next` followed verbatim).
  HttpResult Send(const std::string& method, const std::string& path, const std::string& body = "",
                  const std::vector<std::string>& extra_headers = {});

  void SetCredentials(std::string user, std::string password) {
    user_ = std::move(user);
    password_ = std::move(password);
  }
  // Trust the certificates of this PEM file for https:// URLs.
  void SetCaFile(std::string path) { ca_file_ = std::move(path); }
  // Connect from this local address (any 127.x.y.z works on loopback): another client address.
  void SetSourceAddress(std::string address) { source_address_ = std::move(address); }

 private:
  std::string base_url_;
  std::string user_;
  std::string password_;
  std::string ca_file_;
  std::string source_address_;
  void* curl_;
};

}  // namespace sb::testing
