#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sb {

// A keyset cursor (CONTRACT 7). `kAfter` pages continue with rows older than `sort_key`
// (toward the end of a newest-first list), `kBefore` pages with rows newer than it.
enum class PageDirection { kAfter, kBefore };

struct PageToken {
  PageDirection direction = PageDirection::kAfter;
  std::string sort_key;  // a canonical UUID: the id of the row the page starts after or before

  bool operator==(const PageToken&) const = default;
};

// Wire form: "PA" or "PB", then the 16 bytes of the UUID in unpadded base64url (22 characters).
// It carries the sort key itself, not a row lookup, so it stays valid when that row is deleted,
// and any process of a cluster can read it.
std::string EncodePageToken(const PageToken& token);
std::optional<PageToken> DecodePageToken(std::string_view text);

}  // namespace sb
