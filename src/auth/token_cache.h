#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/clock.h"
#include "storage/project_store.h"

namespace sb {

// Remembers, for `ttl`, the tokens that authenticated, so that a client's steady stream of
// requests costs one store lookup per token and `ttl` instead of one per request (the lookup was
// a fifth of a GET by id; docs/design/token-cache.md).
//
// The price is that a token revoked elsewhere (another server on the same PostgreSQL, or
// `switchboard token revoke` on the store directly) may keep working on this server for up to
// `ttl` after the revocation. Only successes are remembered: an unknown or revoked secret always
// reaches the store, so failures cost what they did and cannot fill the cache. Keys are the
// SHA-256 of the secret, as in the store; the secret itself is never kept.
//
// Memory is bounded: at most kMaxEntries tokens; when full, expired entries are dropped, and if
// none had expired the cache starts over. Thread-safe.
class TokenCache {
 public:
  static constexpr std::size_t kMaxEntries = 10'000;

  TokenCache(const Clock& clock, Micros ttl) : clock_(clock), ttl_(ttl) {}

  // The token whose secret hashes to `secret_hash`, if it authenticated less than `ttl` ago.
  std::optional<ApiToken> Find(const std::string& secret_hash);
  void Remember(const std::string& secret_hash, const ApiToken& token);

  std::size_t size();

 private:
  struct Entry {
    ApiToken token;
    Micros expires = 0;
  };

  const Clock& clock_;
  const Micros ttl_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace sb
