#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/clock.h"

namespace sb {

// ISO 8601 in UTC with a `Z` and microseconds, e.g. "2026-03-02T15:04:05.123456Z". Microseconds
// make `updated_at` visibly change on every update, even several in one second.
std::string FormatTimestamp(Micros micros);

// The same text in a buffer of its own, for renderers: every endpoint of a page carries two,
// and a std::string of this length is a heap allocation each.
class TimestampText {
 public:
  explicit TimestampText(Micros micros);
  std::string_view view() const { return {text_, size_}; }

 private:
  char text_[48];
  std::size_t size_ = 0;
};

}  // namespace sb
