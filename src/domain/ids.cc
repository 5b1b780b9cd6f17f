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

// The value of `count` lower-case hexadecimal digits of `text` from `at`; -1 when one is not.
std::int64_t LowerHexValue(std::string_view text, std::size_t at, std::size_t count) {
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

std::optional<UuidV7Position> UuidV7PositionOf(std::string_view id) {
  // xxxxxxxx-xxxx-7ccc-...: the milliseconds in the first 12 digits, the counter after the '7'
  // (NewId above writes them).
  if (id.size() != kUuidShape.size() || id[8] != '-' || id[13] != '-' || id[14] != '7' ||
      id[18] != '-' || id[23] != '-')
    return std::nullopt;
  std::int64_t high = LowerHexValue(id, 0, 8);
  std::int64_t low = LowerHexValue(id, 9, 4);
  std::int64_t counter = LowerHexValue(id, 15, 3);
  if (high < 0 || low < 0 || counter < 0)
    return std::nullopt;
  return UuidV7Position{high << 16 | low, static_cast<int>(counter)};
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
