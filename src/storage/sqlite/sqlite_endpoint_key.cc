#include "storage/sqlite/sqlite_endpoint_key.h"

#include "domain/ids.h"

namespace sb {
namespace {

constexpr std::int64_t kEpochMillis = 1735689600000;  // 2025-01-01T00:00:00Z
constexpr std::int64_t kCountersPerMilli = 64;

}  // namespace

std::optional<std::int64_t> EndpointRowidFor(std::string_view id) {
  auto position = UuidV7PositionOf(id);
  if (!position || position->counter >= kCountersPerMilli || position->millis < kEpochMillis)
    return std::nullopt;
  return (position->millis - kEpochMillis) * kCountersPerMilli + position->counter;
}

}  // namespace sb
