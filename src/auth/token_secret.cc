#include "auth/token_secret.h"

#include <array>

#include "domain/digest.h"
#include "domain/encoding.h"

namespace sb {

std::string NewTokenSecret(RandomSource& random) {
  std::array<std::uint8_t, 24> bytes;
  random.Fill(bytes);
  return "PT" + HexEncode(bytes);
}

std::string HashTokenSecret(std::string_view secret) { return Sha256Hex(secret); }

}  // namespace sb
