#include "support/http_client.h"

#include <algorithm>
#include <cctype>
#include <mutex>

#include <curl/curl.h>

#include "support/secret_watch.h"

namespace sb::testing {
namespace {

std::once_flag curl_init;

size_t AppendBody(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

size_t AppendHeader(char* data, size_t size, size_t count, void* out) {
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    value.erase(value.find_last_not_of("\r\n ") + 1);
    (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
  }
  return size * count;
}

}  // namespace

nlohmann::ordered_json HttpResult::Json() const {
  return nlohmann::ordered_json::parse(body, nullptr, /*allow_exceptions=*/false);
}

std::string HttpResult::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

HttpClient::HttpClient(std::string base_url, std::string user, std::string password)
    : base_url_(std::move(base_url)), user_(std::move(user)), password_(std::move(password)) {
  std::call_once(curl_init, [] { curl_global_init(CURL_GLOBAL_ALL); });
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpResult HttpClient::Send(const std::string& method, const std::string& path,
                            const std::string& body,
                            const std::vector<std::string>& extra_headers) {
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  HttpResult result;
  std::string url = path.rfind("http", 0) == 0 ? path : base_url_ + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  SecretWatch::Remember(password_);
  SecretWatch::RememberFromJsonBody(body);
  if (!ca_file_.empty())
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file_.c_str());
  if (!source_address_.empty())
    curl_easy_setopt(curl, CURLOPT_INTERFACE, ("host!" + source_address_).c_str());
  if (!user_.empty() || !password_.empty()) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERNAME, user_.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
  }
  if (!body.empty() || method == "POST" || method == "PUT") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  curl_slist* headers = nullptr;
  for (const auto& h : extra_headers) headers = curl_slist_append(headers, h.c_str());
  // libcurl adds a form Content-Type to bodies by default; real clients vary (CONTRACT 11), so
  // send none unless the test asks for one.
  bool has_type = std::any_of(extra_headers.begin(), extra_headers.end(), [](const std::string& h) {
    return h.rfind("Content-Type", 0) == 0 || h.rfind("content-type", 0) == 0;
  });
  if (!has_type)
    headers = curl_slist_append(headers, "Content-Type:");
  headers = curl_slist_append(headers, "Expect:");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result.headers);
  if (curl_easy_perform(curl) == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.status);
  }
  curl_slist_free_all(headers);
  SecretWatch::CheckResponse(method + " " + path, result.body);
  return result;
}

}  // namespace sb::testing
