#include "domain/page_token.h"

#include <string>

#include "domain/encoding.h"
#include "domain/ids.h"

namespace sb {
namespace {

constexpr std::size_t kUuidBytes = 16;

std::string UuidHex(std::string_view uuid) {
  std::string hex;
  for (char c : uuid) {
    if (c != '-')
      hex += c;
  }
  return hex;
}

}  // namespace

std::string EncodePageToken(const PageToken& token) {
  auto bytes = HexDecode(UuidHex(token.sort_key)).value_or(std::vector<std::uint8_t>{});
  return (token.direction == PageDirection::kAfter ? "PA" : "PB") + Base64UrlEncode(bytes);
}

std::optional<PageToken> DecodePageToken(std::string_view text) {
  if (text.size() < 2 || text[0] != 'P' || (text[1] != 'A' && text[1] != 'B'))
    return std::nullopt;
  auto bytes = Base64UrlDecode(text.substr(2));
  if (!bytes || bytes->size() != kUuidBytes)
    return std::nullopt;
  std::string hex = HexEncode(*bytes);
  std::string uuid = hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
                     hex.substr(16, 4) + "-" + hex.substr(20);
  if (!IsUuid(uuid))
    return std::nullopt;
  return PageToken{text[1] == 'A' ? PageDirection::kAfter : PageDirection::kBefore, uuid};
}

}  // namespace sb
