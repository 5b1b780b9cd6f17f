#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace sb {

// The one source of randomness (ids, tokens, nonces). The default draws from OpenSSL's CSPRNG;
// tests may substitute a deterministic one. Implementations must be thread-safe.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual void Fill(std::span<std::uint8_t> out) = 0;
};

class SecureRandom final : public RandomSource {
 public:
  // Aborts if the CSPRNG fails: continuing with predictable tokens would be worse.
  void Fill(std::span<std::uint8_t> out) override;
};

}  // namespace sb
