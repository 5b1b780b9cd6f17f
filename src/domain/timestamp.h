#pragma once

#include <string>

#include "domain/clock.h"

namespace sb {

// ISO 8601 in UTC with a `Z` and microseconds, e.g. "2026-03-02T15:04:05.123456Z". Microseconds
// make `updated_at` visibly change on every update, even several in one second.
std::string FormatTimestamp(Micros micros);

}  // namespace sb
