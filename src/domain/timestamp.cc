#include "domain/timestamp.h"

#include <chrono>
#include <cstdio>

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

std::string FormatTimestamp(Micros micros) {
  using namespace std::chrono;
  sys_time<microseconds> tp{microseconds{micros}};
  auto day = floor<days>(tp);
  year_month_day ymd{day};
  hh_mm_ss hms{tp - day};
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%06dZ", year,
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()),
                  static_cast<int>(hms.subseconds().count()));
    return buf;
  }
  // Every endpoint in a response carries two of these: digits by hand, not snprintf (which was
  // 6% of a list request).
  std::string out = "0000-00-00T00:00:00.000000Z";
  PutDigits(&out[0], year, 4);
  PutDigits(&out[5], static_cast<unsigned>(ymd.month()), 2);
  PutDigits(&out[8], static_cast<unsigned>(ymd.day()), 2);
  PutDigits(&out[11], hms.hours().count(), 2);
  PutDigits(&out[14], hms.minutes().count(), 2);
  PutDigits(&out[17], hms.seconds().count(), 2);
  PutDigits(&out[20], hms.subseconds().count(), 6);
  return out;
}

}  // namespace sb
