#include "auth/token_cache.h"

#include <unordered_map>

namespace sb {

std::optional<ApiToken> TokenCache::Find(const std::string& secret_hash) {
  Micros now = clock_.Now();
  std::lock_guard lock(mutex_);
  auto found = entries_.find(secret_hash);
  if (found == entries_.end())
    return std::nullopt;
  if (found->second.expires <= now) {
    entries_.erase(found);
    return std::nullopt;
  }
  return found->second.token;
}

void TokenCache::Remember(const std::string& secret_hash, const ApiToken& token) {
  Micros now = clock_.Now();
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries && !entries_.contains(secret_hash)) {
    std::erase_if(entries_, [&](const auto& entry) { return entry.second.expires <= now; });
    if (entries_.size() >= kMaxEntries)
      entries_.clear();
  }
  entries_[secret_hash] = Entry{token, now + ttl_};
}

std::size_t TokenCache::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace sb
