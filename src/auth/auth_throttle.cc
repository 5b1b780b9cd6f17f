#include "auth/auth_throttle.h"

#include <algorithm>

namespace sb {
namespace {

std::string TrustKey(std::string_view project, std::string_view address) {
  std::string key(project);
  key += ' ';
  key += address;
  return key;
}

template <class Table, class Expired>
void DropExpired(Table& table, Expired expired) {
  for (auto it = table.begin(); it != table.end();) {
    it = expired(it->second) ? table.erase(it) : std::next(it);
  }
}

}  // namespace

AuthThrottle::Window* AuthThrottle::Current(std::unordered_map<std::string, Window>& table,
                                            std::string_view key, Micros now) {
  auto it = table.find(std::string(key));
  if (it == table.end()) {
    if (table.size() >= kMaxKeys) {
      DropExpired(table, [&](const Window& w) { return now - w.start >= limits_.window; });
      if (table.size() >= kMaxKeys)
        return nullptr;
    }
    it = table.emplace(std::string(key), Window{now, 0}).first;
  }
  if (now - it->second.start >= limits_.window)
    it->second = Window{now, 0};
  return &it->second;
}

const AuthThrottle::Window* AuthThrottle::Find(const std::unordered_map<std::string, Window>& table,
                                               std::string_view key, Micros now) const {
  auto it = table.find(std::string(key));
  if (it == table.end() || now - it->second.start >= limits_.window)
    return nullptr;
  return &it->second;
}

int AuthThrottle::SecondsLeft(const Window& window, Micros now) const {
  Micros left = window.start + limits_.window - now;
  return static_cast<int>(std::max<Micros>(1, (left + 999'999) / 1'000'000));
}

std::optional<int> AuthThrottle::RetryAfter(std::string_view address, std::string_view project) {
  Micros now = clock_.Now();
  std::lock_guard lock(mutex_);
  if (by_address_.empty() && by_project_.empty())
    return std::nullopt;  // no failures anywhere: the common case
  if (const Window* w = Find(by_address_, address, now);
      w && w->failures >= limits_.failures_per_address) {
    return SecondsLeft(*w, now);
  }
  if (const Window* w = Find(by_project_, project, now);
      w && w->failures >= limits_.failures_per_project) {
    auto trusted = trusted_.find(TrustKey(project, address));
    bool spared = trusted != trusted_.end() && now - trusted->second < 2 * limits_.window;
    if (!spared)
      return SecondsLeft(*w, now);
  }
  return std::nullopt;
}

void AuthThrottle::RecordFailure(std::string_view address, std::string_view project) {
  Micros now = clock_.Now();
  std::lock_guard lock(mutex_);
  if (Window* w = Current(by_address_, address, now))
    ++w->failures;
  if (Window* w = Current(by_project_, project, now))
    ++w->failures;
}

void AuthThrottle::RecordSuccess(std::string_view address, std::string_view project) {
  Micros now = clock_.Now();
  std::string key = TrustKey(project, address);
  std::lock_guard lock(mutex_);
  auto it = trusted_.find(key);
  if (it != trusted_.end()) {
    it->second = now;
    return;
  }
  if (trusted_.size() >= kMaxKeys) {
    DropExpired(trusted_, [&](Micros at) { return now - at >= 2 * limits_.window; });
    if (trusted_.size() >= kMaxKeys)
      return;
  }
  trusted_.emplace(std::move(key), now);
}

}  // namespace sb
