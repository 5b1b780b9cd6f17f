#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#include "domain/clock.h"
#include "domain/random.h"

namespace sb::testing {

// A clock that moves only when told to. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Micros start = 1'780'000'000'000'000) : now_(start) {}
  Micros Now() const override { return now_.load(); }
  void Set(Micros now) { now_ = now; }
  void Advance(Micros by) { now_ += by; }

 private:
  std::atomic<Micros> now_;
};

// Deterministic "randomness": successive bytes of a counter. Thread-safe.
class CountingRandom final : public RandomSource {
 public:
  void Fill(std::span<std::uint8_t> out) override {
    std::lock_guard lock(mutex_);
    for (auto& b : out) b = static_cast<std::uint8_t>(next_++ * 131 + 7);
  }

 private:
  std::mutex mutex_;
  std::uint64_t next_ = 0;
};

}  // namespace sb::testing
