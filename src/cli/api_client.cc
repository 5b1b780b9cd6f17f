#include "cli/api_client.h"

#include <cctype>

#include <curl/curl.h>

namespace sb::cli {
namespace {

size_t Append(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// The error a response body describes, in one line.
std::string Describe(long status, const std::string& body) {
  std::string line = std::to_string(status);
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_object() && json.contains("errors") && json["errors"].is_array()) {
    std::string details;
    for (const auto& e : json["errors"]) {
      std::string attribute = e.value("attribute", nlohmann::json()).is_string()
                                  ? e["attribute"].get<std::string>() + ": "
                                  : "";
      std::string sentence = e.contains("detail") ? e.value("detail", "") : e.value("message", "");
      details += (details.empty() ? "" : "; ") + attribute + sentence + " (" +
                 e.value("code", "error") + ")";
    }
    return line + " " + details;
  }
  if (json.is_object() && json.contains("error") && json["error"].is_string())
    return line + " " + json["error"].get<std::string>();
  return line + " (no error description)";
}

}  // namespace

std::string Encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

void AddClientOptions(CLI::App& command, ClientOptions& options) {
  command.add_option("--url", options.url, "Base URL of the switchboard server")
      ->envname("SWITCHBOARD_URL")
      ->capture_default_str();
  command.add_option("--project", options.project, "Project id")
      ->envname("SWITCHBOARD_PROJECT")
      ->required();
  command
      .add_option("--token", options.token,
                  "API token (prefer SWITCHBOARD_TOKEN: flags show in ps)")
      ->envname("SWITCHBOARD_TOKEN")
      ->required();
  command.add_flag("--json", options.json, "Print the server's JSON");
}

ApiClient::ApiClient(const ClientOptions& options) : options_(options) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  curl_ = curl_easy_init();
  while (!options_.url.empty() && options_.url.back() == '/') options_.url.pop_back();
}

ApiClient::~ApiClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

nlohmann::ordered_json ApiClient::Call(const std::string& method, const std::string& path,
                                       const nlohmann::ordered_json* body) {
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  std::string url = path.rfind("http", 0) == 0 ? path : options_.url + path;
  std::string request_body = body ? body->dump() : "";
  std::string response;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
  curl_easy_setopt(curl, CURLOPT_USERNAME, options_.project.c_str());
  curl_easy_setopt(curl, CURLOPT_PASSWORD, options_.token.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
  curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
  if (body) {
    headers = curl_slist_append(headers, "Content-Type: application/json");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request_body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request_body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (code != CURLE_OK)
    throw ApiError("cannot reach " + options_.url + ": " + curl_easy_strerror(code));
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299)
    throw ApiError(method + " " + path.substr(0, path.find('?')) + ": " +
                   Describe(status, response));
  if (status == 204 || response.empty())
    return nullptr;
  auto json = nlohmann::ordered_json::parse(response, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded())
    throw ApiError(method + " " + path + ": the server answered something that is not JSON");
  return json;
}

}  // namespace sb::cli
