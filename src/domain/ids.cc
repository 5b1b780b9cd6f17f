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

// What each byte may be at each place of a UUID's text: a table, not the C library's locale
// lookups or a chain of comparisons, since ids are checked twice on every request.
enum CharClass : std::uint8_t { kOther, kHex, kDash };
constexpr std::array<CharClass, 256> kCharClass = [] {
  std::array<CharClass, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = kHex;
  for (int c = 'a'; c <= 'f'; ++c) table[c] = kHex;
  for (int c = 'A'; c <= 'F'; ++c) table[c] = kHex;
  table['-'] = kDash;
  return table;
}();
constexpr std::array<CharClass, 36> kUuidShape = [] {
  std::array<CharClass, 36> shape{};
  shape.fill(kHex);
  shape[8] = shape[13] = shape[18] = shape[23] = kDash;
  return shape;
}();

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
  if (text.size() != kUuidShape.size())
    return false;
  bool matches = true;  // no early exit: one branch for the whole text
  for (std::size_t i = 0; i < kUuidShape.size(); ++i)
    matches &= kCharClass[static_cast<unsigned char>(text[i])] == kUuidShape[i];
  return matches;
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
