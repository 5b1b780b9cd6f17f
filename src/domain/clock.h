#pragma once

#include <chrono>
#include <cstdint>

namespace sb {

// Microseconds since the Unix epoch, UTC. Every stored time uses this unit.
using Micros = std::int64_t;

// Where time comes from. Only app/ owns a real clock; tests pass a controllable one.
// Implementations must be thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Micros Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Micros Now() const override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace sb
