#include "api/list_params.h"

#include <charconv>

namespace sb::api {
namespace {

constexpr std::size_t kMaxPageSize = 1000;

// A whole decimal number within [min, max]; nullopt otherwise.
std::optional<std::size_t> ParseCount(const std::string& text, std::size_t min, std::size_t max) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

std::string Link(const std::string& base, const ListParams& params,
                 std::optional<std::size_t> page_number, const std::optional<PageToken>& token,
                 const std::vector<std::pair<std::string, std::string>>& extra) {
  std::string query;
  auto add = [&](const std::string& name, const std::string& value) {
    query += (query.empty() ? "?" : "&") + name + "=" + PercentEncode(value);
  };
  if (params.filter_caller_id)
    add("filter_caller_id", *params.filter_caller_id);
  if (params.filter_username)
    add("filter_username", *params.filter_username);
  if (page_number)
    add("page_number", std::to_string(*page_number));
  add("page_size", std::to_string(params.page_size));
  if (token)
    add("page_token", EncodePageToken(*token));
  for (const auto& [name, value] : extra) add(name, value);
  return base + query;
}

}  // namespace

Result<ListParams> ParseListParams(const QueryParams& query) {
  ListParams params;
  std::vector<FieldError> errors;
  if (auto v = QueryValue(query, "filter_username"); v && !v->empty())
    params.filter_username = v;
  if (auto v = QueryValue(query, "filter_caller_id"); v && !v->empty())
    params.filter_caller_id = v;
  if (auto v = QueryValue(query, "page_size")) {
    if (auto n = ParseCount(*v, 1, kMaxPageSize)) {
      params.page_size = *n;
    } else {
      errors.push_back(
          {"invalid_parameter", "page_size", "page_size must be a whole number from 1 to 1000"});
    }
  }
  if (auto v = QueryValue(query, "page_number")) {
    if (auto n = ParseCount(*v, 0, 1'000'000'000)) {
      params.page_number = *n;
    } else {
      errors.push_back(
          {"invalid_parameter", "page_number", "page_number must be a whole number, 0 or more"});
    }
  }
  auto token = QueryValue(query, "page_token");
  if (token && !token->empty()) {
    if (auto decoded = DecodePageToken(*token)) {
      params.page_token = *decoded;
    } else {
      errors.push_back(
          {"page_token_is_invalid", "page_token", "page_token is not a token this server issued"});
    }
  } else if (params.page_number > 0) {
    errors.push_back({"page_token_required", "page_token",
                      "page_token is required when page_number is greater than 0"});
  }
  if (!errors.empty())
    return Fail(Error::Validation(std::move(errors)));
  return params;
}

PageLinks BuildPageLinks(const std::string& base, const ListParams& params,
                         const std::optional<std::string>& first_id,
                         const std::optional<std::string>& last_id, bool has_older,
                         const std::vector<std::pair<std::string, std::string>>& extra) {
  PageLinks links;
  links.self = Link(base, params, params.page_number, params.page_token, extra);
  links.first = Link(base, params, std::nullopt, std::nullopt, extra);
  if (has_older && last_id) {
    links.next = Link(base, params, params.page_number + 1,
                      PageToken{PageDirection::kAfter, *last_id}, extra);
  }
  if (params.page_number > 0) {
    // The rows just newer than this page. An empty page (its rows were deleted meanwhile) has no
    // first row to count back from, so it links back to the start.
    links.prev = first_id ? Link(base, params, params.page_number - 1,
                                 PageToken{PageDirection::kBefore, *first_id}, extra)
                          : links.first;
  }
  return links;
}

}  // namespace sb::api
