#include "auth/auth_throttle.h"

#include <gtest/gtest.h>

#include "support/fakes.h"

namespace sb {
namespace {

using testing::FakeClock;
constexpr Micros kSecond = 1'000'000;

TEST(AuthThrottle, AnAddressPastItsLimitWaitsForTheWindowToEnd) {
  FakeClock clock;
  AuthThrottle throttle(clock, {3, 1000, 60 * kSecond});
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(throttle.RetryAfter("10.0.0.1", "p1"));
    throttle.RecordFailure("10.0.0.1", "p1");
  }
  EXPECT_EQ(throttle.RetryAfter("10.0.0.1", "p1"), 60);
  EXPECT_EQ(throttle.RetryAfter("10.0.0.1", "p2"), 60) << "any project, from that address";
  EXPECT_FALSE(throttle.RetryAfter("10.0.0.2", "p1")) << "other addresses are not slowed";
  clock.Advance(45 * kSecond);
  EXPECT_EQ(throttle.RetryAfter("10.0.0.1", "p1"), 15);
  clock.Advance(15 * kSecond);
  EXPECT_FALSE(throttle.RetryAfter("10.0.0.1", "p1"));
}

TEST(AuthThrottle, AProjectUnderAttackSparesAddressesThatAuthenticatedToIt) {
  FakeClock clock;
  AuthThrottle throttle(clock, {1000, 5, 60 * kSecond});
  throttle.RecordSuccess("10.0.0.1", "p1");
  for (int i = 0; i < 5; ++i) throttle.RecordFailure("10.9.0." + std::to_string(i), "p1");
  EXPECT_TRUE(throttle.RetryAfter("10.9.0.99", "p1")) << "a new address, attacking";
  EXPECT_TRUE(throttle.RetryAfter("10.0.0.7", "p1")) << "a new address, unknown";
  EXPECT_FALSE(throttle.RetryAfter("10.0.0.1", "p1")) << "a known client is spared";
  EXPECT_FALSE(throttle.RetryAfter("10.9.0.99", "p2")) << "other projects are not slowed";
  clock.Advance(60 * kSecond);
  EXPECT_FALSE(throttle.RetryAfter("10.9.0.99", "p1"));
}

TEST(AuthThrottle, SuccessesDoNotCount) {
  FakeClock clock;
  AuthThrottle throttle(clock, {2, 2, 60 * kSecond});
  for (int i = 0; i < 100; ++i) throttle.RecordSuccess("10.0.0.1", "p1");
  EXPECT_FALSE(throttle.RetryAfter("10.0.0.1", "p1"));
}

TEST(AuthThrottle, MemoryStaysBoundedUnderManyAddresses) {
  FakeClock clock;
  AuthThrottle throttle(clock, {1, 1'000'000, 60 * kSecond});
  for (std::size_t i = 0; i < AuthThrottle::kMaxKeys + 10; ++i) {
    throttle.RecordFailure("a" + std::to_string(i), "p");
  }
  EXPECT_TRUE(throttle.RetryAfter("a1", "p"));
  // Once the windows expire, new addresses are tracked again.
  clock.Advance(61 * kSecond);
  throttle.RecordFailure("late", "p");
  EXPECT_TRUE(throttle.RetryAfter("late", "q"));
}

}  // namespace
}  // namespace sb
