#include "support/secret_watch.h"

#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

namespace sb::testing {
namespace {

std::mutex mutex;
std::set<std::string>& Secrets() {
  static std::set<std::string> secrets;
  return secrets;
}
std::vector<std::string>& Leaks() {
  static std::vector<std::string> leaks;
  return leaks;
}

void CollectPasswords(const nlohmann::json& node) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "password" && value.is_string())
        SecretWatch::Remember(value.get<std::string>());
      CollectPasswords(value);
    }
  } else if (node.is_array()) {
    for (const auto& item : node) CollectPasswords(item);
  }
}

}  // namespace

void SecretWatch::Remember(std::string_view secret) {
  if (secret.size() < 8)
    return;
  std::lock_guard lock(mutex);
  Secrets().emplace(secret);
}

void SecretWatch::RememberFromJsonBody(std::string_view body) {
  if (body.find("password") == std::string_view::npos)
    return;
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_discarded())
    CollectPasswords(json);
}

void SecretWatch::CheckResponse(std::string_view where, std::string_view body) {
  for (const auto& secret : FoundIn(body)) {
    std::lock_guard lock(mutex);
    Leaks().push_back(std::string(where) + " returned a secret of " +
                      std::to_string(secret.size()) + " bytes");
  }
}

std::vector<std::string> SecretWatch::FoundIn(std::string_view haystack) {
  std::lock_guard lock(mutex);
  std::vector<std::string> found;
  for (const auto& secret : Secrets()) {
    if (haystack.find(secret) != std::string_view::npos)
      found.push_back(secret);
  }
  return found;
}

std::vector<std::string> SecretWatch::LeakingResponses() {
  std::lock_guard lock(mutex);
  return Leaks();
}

}  // namespace sb::testing
