#include "storage/sqlite/sqlite_endpoint_key.h"

namespace sb {
namespace {

constexpr std::int64_t kEpochMillis = 1735689600000;  // 2025-01-01T00:00:00Z
constexpr std::int64_t kCountersPerMilli = 64;

// The value of `count` hexadecimal digits of `text` from `at`, or -1 when one is not lower-case
// hexadecimal (ids are stored in their canonical lower-case form).
std::int64_t Hex(std::string_view text, std::size_t at, std::size_t count) {
  std::int64_t value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    char c = text[i];
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0)
      return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

std::optional<std::int64_t> EndpointRowidFor(std::string_view id) {
  // xxxxxxxx-xxxx-7ccc-...: milliseconds in the first 12 digits, the counter after the '7'.
  if (id.size() != 36 || id[8] != '-' || id[13] != '-' || id[14] != '7' || id[18] != '-')
    return std::nullopt;
  std::int64_t high = Hex(id, 0, 8);
  std::int64_t low = Hex(id, 9, 4);
  std::int64_t counter = Hex(id, 15, 3);
  if (high < 0 || low < 0 || counter < 0 || counter >= kCountersPerMilli)
    return std::nullopt;
  std::int64_t millis = high << 16 | low;
  if (millis < kEpochMillis)
    return std::nullopt;
  return (millis - kEpochMillis) * kCountersPerMilli + counter;
}

}  // namespace sb
