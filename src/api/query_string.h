#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/error.h"

namespace sb::api {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Splits and percent-decodes "a=1&b=x%20y" ('+' is a space). Empty pieces, such as the trailing
// '&' some clients send (CONTRACT 11), are skipped. kMalformed for a bad escape or for decoded
// text that is not UTF-8.
Result<QueryParams> ParseQuery(std::string_view query);

// The last value of `name`, if present.
std::optional<std::string> QueryValue(const QueryParams& params, std::string_view name);

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string PercentEncode(std::string_view text);

// Whether `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace sb::api
