#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/clock.h"

namespace sb {

struct AuthThrottleLimits {
  std::size_t failures_per_address = 20;
  std::size_t failures_per_project = 100;
  Micros window = 60'000'000;
};

// Counts failed authentications per client address and per project in fixed windows, and says
// when a new attempt must be refused (429) without being checked, so that guessing tokens is
// slow and cheap for the server.
//
// The per-project limit does not apply to an address that has authenticated to the project in
// the last two windows: an attack on a project must not lock out its own clients. A successful
// request costs one lock and a hash-table update.
//
// Memory is bounded: at most kMaxKeys addresses and projects each are tracked; past that, expired
// entries are dropped and then new keys go uncounted until room frees up. Thread-safe.
class AuthThrottle {
 public:
  static constexpr std::size_t kMaxKeys = 100'000;

  AuthThrottle(const Clock& clock, AuthThrottleLimits limits) : clock_(clock), limits_(limits) {}

  // Seconds until an attempt from `address` for `project` (the Basic user, as sent) may be
  // checked; nullopt when it may be checked now.
  std::optional<int> RetryAfter(std::string_view address, std::string_view project);
  void RecordFailure(std::string_view address, std::string_view project);
  void RecordSuccess(std::string_view address, std::string_view project);

 private:
  struct Window {
    Micros start = 0;
    std::size_t failures = 0;
  };
  // The window for `key`, restarted when it has expired; nullptr when the table is full.
  Window* Current(std::unordered_map<std::string, Window>& table, std::string_view key, Micros now);
  const Window* Find(const std::unordered_map<std::string, Window>& table, std::string_view key,
                     Micros now) const;
  int SecondsLeft(const Window& window, Micros now) const;

  const Clock& clock_;
  const AuthThrottleLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> by_address_;
  std::unordered_map<std::string, Window> by_project_;
  // "project address" -> last successful authentication.
  std::unordered_map<std::string, Micros> trusted_;
};

}  // namespace sb
