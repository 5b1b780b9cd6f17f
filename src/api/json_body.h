#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/error.h"

namespace sb::api {

using Json = nlohmann::ordered_json;

// Parses a request body that must be one JSON object, whatever the Content-Type (CONTRACT 8).
// kMalformed (400, invalid_json) for bad JSON, invalid UTF-8, nesting deeper than 64, or a value
// that is not an object. An empty body is an empty object (clients send it on DELETE, CONTRACT 11).
Result<Json> ParseJsonObject(std::string_view body);

}  // namespace sb::api
