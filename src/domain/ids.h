#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.h"
#include "domain/random.h"

namespace sb {

// Generates UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, then randomness, so the
// canonical lower-case text of ids sorts by creation time. Within one millisecond the 12-bit
// rand_a field is used as a counter (RFC 9562 section 6.2, method 1), so ids made by one generator
// strictly increase even when the clock stalls or steps back. Thread-safe.
class IdGenerator {
 public:
  IdGenerator(const Clock& clock, RandomSource& random) : clock_(clock), random_(random) {}

  std::string NewId();

 private:
  const Clock& clock_;
  RandomSource& random_;
  std::mutex mutex_;
  std::int64_t last_millis_ = 0;
  int counter_ = 0;
};

// Where an id of IdGenerator's layout stands in its generator's sequence: its Unix milliseconds
// and its counter within that millisecond (the rand_a field).
struct UuidV7Position {
  std::int64_t millis;
  int counter;
};
// The position of a lower-case UUIDv7 (the form ids are stored in); none for any other text.
// Allocates nothing: SQLite's store reads it on every GET by id (storage/sqlite_endpoint_key.h).
std::optional<UuidV7Position> UuidV7PositionOf(std::string_view id);

// True for the canonical 8-4-4-4-12 hexadecimal form (either case).
bool IsUuid(std::string_view text);

// The canonical lower-case form of a UUID given in either case; the input must pass IsUuid.
std::string CanonicalUuid(std::string_view text);

}  // namespace sb
