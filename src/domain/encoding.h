#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

// Lower-case hexadecimal.
std::string HexEncode(std::span<const std::uint8_t> bytes);
std::optional<std::vector<std::uint8_t>> HexDecode(std::string_view hex);

// Base64 with the URL-safe alphabet and no padding (RFC 4648 section 5): safe in a query string.
std::string Base64UrlEncode(std::span<const std::uint8_t> bytes);
std::optional<std::vector<std::uint8_t>> Base64UrlDecode(std::string_view text);

// Standard base64 with padding (RFC 4648 section 4), as HTTP Basic authentication uses.
std::optional<std::string> Base64Decode(std::string_view text);

inline std::span<const std::uint8_t> AsBytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace sb
