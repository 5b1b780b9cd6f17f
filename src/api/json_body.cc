#include "api/json_body.h"

namespace sb::api {
namespace {

constexpr int kMaxDepth = 64;

Error InvalidJson(std::string message) {
  return Error::Malformed("invalid_json", "", std::move(message));
}

}  // namespace

Result<Json> ParseJsonObject(std::string_view body) {
  bool only_space = body.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (only_space)
    return Json::object();
  // Bound nesting while parsing (the parser itself is iterative): a deeply nested value would
  // otherwise be built and then destroyed recursively.
  bool too_deep = false;
  auto limit_depth = [&](int d, Json::parse_event_t event, Json&) {
    if (event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) {
      if (d >= kMaxDepth)
        too_deep = true;
    }
    return !too_deep;
  };
  Json parsed = Json::parse(body.begin(), body.end(), limit_depth, /*allow_exceptions=*/false);
  if (too_deep)
    return Fail(InvalidJson("the body nests deeper than 64 levels"));
  if (parsed.is_discarded())
    return Fail(InvalidJson("the body is not valid JSON"));
  if (!parsed.is_object())
    return Fail(InvalidJson("the body must be a JSON object"));
  return parsed;
}

}  // namespace sb::api
