#pragma once

#include <string>

namespace sb {

// Sends every log line to stderr, as plain text ("plain") or as one JSON object per line
// ("json": time, level, logger, msg; access lines carry their fields instead of msg), at
// `level` (trace ... off). Throws std::invalid_argument on an unknown format or level.
void ConfigureLogging(const std::string& level, const std::string& format);

// The logger of one line per request (name "access"), sharing the sink above.
inline constexpr const char* kAccessLogger = "access";

// `text` as a JSON string literal, with invalid UTF-8 replaced, so a line always parses.
std::string JsonString(const std::string& text);

}  // namespace sb
