#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "domain/random.h"

namespace sb {

using SecretKey = std::array<std::uint8_t, 32>;

// Keeps SIP passwords encrypted so that renames and domain changes can re-derive the digests
// while the store alone never yields a password (CONTRACT 9).
//
// Sealed layout: 12-byte random nonce | AES-256-GCM ciphertext | 16-byte tag. The associated data
// is the endpoint id, so a sealed value copied onto another endpoint does not open. Keys are
// named by a key id (the first 16 hex digits of SHA-256 of the key), stored beside the sealed
// value so that keys can be rotated: the newest key seals, every known key opens.
// Thread-safe after construction.
class PasswordSealer {
 public:
  // `keys` oldest first; the last one seals. Must not be empty.
  PasswordSealer(std::vector<SecretKey> keys, RandomSource& random);

  struct Sealed {
    std::vector<std::uint8_t> bytes;
    std::string key_id;
  };
  Sealed Seal(std::string_view password, std::string_view endpoint_id) const;

  // kInternal when the key is unknown or the value was tampered with.
  Result<std::string> Open(const std::vector<std::uint8_t>& sealed, std::string_view key_id,
                           std::string_view endpoint_id) const;

  const std::string& active_key_id() const { return key_ids_.back(); }

  static std::string KeyId(const SecretKey& key);

 private:
  std::vector<SecretKey> keys_;
  std::vector<std::string> key_ids_;
  RandomSource& random_;
};

}  // namespace sb
