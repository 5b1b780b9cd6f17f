#include "domain/ids.h"

#include <array>
#include <cstdint>

#include "domain/encoding.h"

namespace sb {
namespace {

std::string Format(const std::array<std::uint8_t, 16>& b) {
  std::string hex = HexEncode(b);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

// ASCII only, without the C library's locale lookups: ids are checked on every request.
bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

std::string IdGenerator::NewId() {
  std::array<std::uint8_t, 16> b;
  random_.Fill(b);
  std::int64_t millis;
  int counter;
  {
    std::lock_guard lock(mutex_);
    millis = clock_.Now() / 1000;
    if (millis <= last_millis_) {
      millis = last_millis_;
      if (++counter_ > 0xfff) {  // counter exhausted: borrow the next millisecond
        ++millis;
        counter_ = 0;
      }
    } else {
      counter_ = 0;
    }
    last_millis_ = millis;
    counter = counter_;
  }
  for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(millis >> (40 - 8 * i));
  b[6] = static_cast<std::uint8_t>(0x70 | ((counter >> 8) & 0x0f));  // version 7
  b[7] = static_cast<std::uint8_t>(counter & 0xff);
  b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3f));  // RFC 9562 variant
  return Format(b);
}

bool IsUuid(std::string_view text) {
  if (text.size() != 36)
    return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-')
        return false;
    } else if (!IsHexDigit(text[i])) {
      return false;
    }
  }
  return true;
}

std::string CanonicalUuid(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace sb
