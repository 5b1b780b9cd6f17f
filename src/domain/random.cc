#include "domain/random.h"

#include <cstdlib>

#include <openssl/rand.h>

namespace sb {

void SecureRandom::Fill(std::span<std::uint8_t> out) {
  if (RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
    std::abort();
  }
}

}  // namespace sb
