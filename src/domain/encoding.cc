#include "domain/encoding.h"

#include <array>

namespace sb {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kBase64Std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int HexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

// Maps each byte to its 6-bit value in `alphabet`, or -1.
std::array<int, 256> ReverseTable(const char* alphabet) {
  std::array<int, 256> table;
  table.fill(-1);
  for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(alphabet[i])] = i;
  return table;
}

std::string Encode64(std::span<const std::uint8_t> bytes, const char* alphabet) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  if (std::size_t rest = bytes.size() - i; rest > 0) {
    std::uint32_t v = bytes[i] << 16;
    if (rest == 2)
      v |= bytes[i + 1] << 8;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    if (rest == 2)
      out += alphabet[(v >> 6) & 63];
  }
  return out;
}

// Decodes unpadded base64 in `alphabet` into `Out` (a string or a byte vector); rejects stray
// characters and non-canonical tails. Four characters at a time, written by index into a buffer
// sized once: every request decodes its Authorization header.
template <class Out>
std::optional<Out> Decode64(std::string_view text, const std::array<int, 256>& table) {
  if (text.size() % 4 == 1)
    return std::nullopt;
  auto value = [&](std::size_t i) { return table[static_cast<unsigned char>(text[i])]; };
  using Byte = typename Out::value_type;
  Out out(text.size() * 3 / 4, Byte{});
  std::size_t n = 0;
  std::size_t i = 0;
  for (; i + 4 <= text.size(); i += 4) {
    int a = value(i), b = value(i + 1), c = value(i + 2), d = value(i + 3);
    if ((a | b | c | d) < 0)
      return std::nullopt;
    auto v = static_cast<std::uint32_t>(a << 18 | b << 12 | c << 6 | d);
    out[n++] = static_cast<Byte>(v >> 16);
    out[n++] = static_cast<Byte>(v >> 8);
    out[n++] = static_cast<Byte>(v);
  }
  if (std::size_t rest = text.size() - i; rest > 0) {  // 2 or 3 characters: 1 or 2 bytes
    int a = value(i), b = value(i + 1), c = rest == 3 ? value(i + 2) : 0;
    if ((a | b | c) < 0)
      return std::nullopt;
    // The bits past the last whole byte must be zero, or two texts would decode alike.
    if (rest == 2 ? (b & 0x0f) != 0 : (c & 0x03) != 0)
      return std::nullopt;
    auto v = static_cast<std::uint32_t>(a << 18 | b << 12 | c << 6);
    out[n++] = static_cast<Byte>(v >> 16);
    if (rest == 3)
      out[n++] = static_cast<Byte>(v >> 8);
  }
  return out;
}

}  // namespace

std::string HexEncode(std::span<const std::uint8_t> bytes) {
  std::string out(bytes.size() * 2, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out[2 * i] = kHexDigits[bytes[i] >> 4];
    out[2 * i + 1] = kHexDigits[bytes[i] & 15];
  }
  return out;
}

std::optional<std::vector<std::uint8_t>> HexDecode(std::string_view hex) {
  if (hex.size() % 2 != 0)
    return std::nullopt;
  std::vector<std::uint8_t> out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    int hi = HexValue(hex[2 * i]);
    int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return std::nullopt;
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return out;
}

std::string Base64UrlEncode(std::span<const std::uint8_t> bytes) {
  return Encode64(bytes, kBase64Url);
}

std::optional<std::vector<std::uint8_t>> Base64UrlDecode(std::string_view text) {
  static const auto kTable = ReverseTable(kBase64Url);
  return Decode64<std::vector<std::uint8_t>>(text, kTable);
}

std::optional<std::string> Base64Decode(std::string_view text) {
  static const auto kTable = ReverseTable(kBase64Std);
  if (text.size() % 4 != 0)
    return std::nullopt;
  std::size_t pad = 0;
  while (pad < 2 && !text.empty() && text[text.size() - 1 - pad] == '=') ++pad;
  return Decode64<std::string>(text.substr(0, text.size() - pad), kTable);
}

}  // namespace sb
