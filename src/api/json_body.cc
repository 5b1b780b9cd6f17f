#include "api/json_body.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sb::api {
namespace {

constexpr int kMaxDepth = 64;

Error InvalidJson(std::string message) {
  return Error::Malformed("invalid_json", "", std::move(message));
}

// A key for an error sentence: short, and without control characters.
std::string Printable(const std::string& key) {
  std::string out;
  for (char c : key.substr(0, 64)) out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  return out;
}

}  // namespace

Result<Json> ParseJsonObject(std::string_view body) {
  bool only_space = body.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (only_space)
    return Json::object();
  // Bound nesting while parsing (the parser itself is iterative): a deeply nested value would
  // otherwise be built and then destroyed recursively. And refuse duplicate keys: which one
  // would win is the parser's accident, and a client that sends two passwords has a bug.
  bool too_deep = false;
  std::optional<std::string> duplicate;
  std::vector<std::set<std::string>> keys_by_level;
  auto check = [&](int d, Json::parse_event_t event, Json& value) {
    switch (event) {
      case Json::parse_event_t::object_start:
        keys_by_level.emplace_back();
        [[fallthrough]];
      case Json::parse_event_t::array_start:
        if (d >= kMaxDepth)
          too_deep = true;
        break;
      case Json::parse_event_t::object_end:
        if (!keys_by_level.empty())
          keys_by_level.pop_back();
        break;
      case Json::parse_event_t::key:
        if (!keys_by_level.empty() && !keys_by_level.back().insert(value.get<std::string>()).second)
          duplicate = value.get<std::string>();
        break;
      default:
        break;
    }
    return !too_deep && !duplicate;
  };
  Json parsed = Json::parse(body.begin(), body.end(), check, /*allow_exceptions=*/false);
  if (too_deep)
    return Fail(InvalidJson("the body nests deeper than 64 levels"));
  if (duplicate) {
    return Fail(
        InvalidJson("the key \"" + Printable(*duplicate) + "\" appears twice in one object"));
  }
  if (parsed.is_discarded())
    return Fail(InvalidJson("the body is not valid JSON"));
  if (!parsed.is_object())
    return Fail(InvalidJson("the body must be a JSON object"));
  return parsed;
}

}  // namespace sb::api
