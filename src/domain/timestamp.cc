#include "domain/timestamp.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace sb {

namespace {

// Writes `value` as exactly `width` decimal digits at `at`.
void PutDigits(char* at, long long value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

TimestampText::TimestampText(Micros micros) {
  using namespace std::chrono;
  sys_time<microseconds> tp{microseconds{micros}};
  auto day = floor<days>(tp);
  year_month_day ymd{day};
  hh_mm_ss hms{tp - day};
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    int written = std::snprintf(
        text_, sizeof text_, "%04d-%02u-%02uT%02d:%02d:%02d.%06dZ", year,
        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
        static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
        static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
    size_ = std::min(static_cast<std::size_t>(std::max(written, 0)), sizeof text_ - 1);
    return;
  }
  // Digits by hand, not snprintf (which was 6% of a list request).
  static constexpr char kPattern[] = "0000-00-00T00:00:00.000000Z";
  std::memcpy(text_, kPattern, sizeof kPattern);
  size_ = sizeof kPattern - 1;
  PutDigits(&text_[0], year, 4);
  PutDigits(&text_[5], static_cast<unsigned>(ymd.month()), 2);
  PutDigits(&text_[8], static_cast<unsigned>(ymd.day()), 2);
  PutDigits(&text_[11], hms.hours().count(), 2);
  PutDigits(&text_[14], hms.minutes().count(), 2);
  PutDigits(&text_[17], hms.seconds().count(), 2);
  PutDigits(&text_[20], hms.subseconds().count(), 6);
}

std::string FormatTimestamp(Micros micros) { return std::string(TimestampText(micros).view()); }

}  // namespace sb
