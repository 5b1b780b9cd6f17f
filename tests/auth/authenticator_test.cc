#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include "app/stores.h"
#include "domain/encoding.h"
#include "service/project_service.h"
#include "support/fakes.h"
#include "support/temp_dir.h"

namespace sb {
namespace {

std::string Basic(const std::string& user, const std::string& password) {
  // Base64 via the URL alphabet is not what Basic uses; build the standard form by hand.
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string in = user + ":" + password, out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    std::uint32_t v = static_cast<std::uint8_t>(in[i]) << 16;
    if (i + 1 < in.size())
      v |= static_cast<std::uint8_t>(in[i + 1]) << 8;
    if (i + 2 < in.size())
      v |= static_cast<std::uint8_t>(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[v & 63] : '=';
  }
  return "Basic " + out;
}

class AuthenticatorTest : public ::testing::Test {
 protected:
  AuthenticatorTest()
      : stores_(OpenStores(dir_.File("a.db"), 1)),
        ids_(clock_, random_),
        projects_(*stores_.projects, ids_, random_, clock_),
        auth_(*stores_.projects) {}

  testing::TempDir dir_;
  testing::FakeClock clock_;
  testing::CountingRandom random_;
  Stores stores_;
  IdGenerator ids_;
  ProjectService projects_;
  Authenticator auth_;
};

TEST_F(AuthenticatorTest, AcceptsTheProjectsTokenWithItsScopes) {
  auto project = *projects_.CreateProject("A", "a");
  auto token = *projects_.CreateToken(project.id, "t", {"fax"});
  auto caller = auth_.Authenticate(Basic(project.id, token.secret));
  ASSERT_TRUE(caller);
  EXPECT_EQ(caller->project_id, project.id);
  EXPECT_FALSE(caller->HasAnyScope({"voice"}));
  EXPECT_TRUE(caller->HasAnyScope({"voice", "fax"}));
}

TEST_F(AuthenticatorTest, RefusesEveryWrongCombinationAlike) {
  auto a = *projects_.CreateProject("A", "a");
  auto b = *projects_.CreateProject("B", "b");
  auto token_a = *projects_.CreateToken(a.id, "t", {});
  for (const std::string& header :
       {std::string(), std::string("Bearer x"), Basic(a.id, "PTwrong"), Basic(b.id, token_a.secret),
        Basic("not-a-uuid", token_a.secret), Basic(a.id, ""), std::string("Basic !!!")}) {
    auto r = auth_.Authenticate(header);
    ASSERT_FALSE(r) << header;
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated) << header;
  }
  ASSERT_TRUE(projects_.RevokeToken(a.id, token_a.token.id));
  EXPECT_FALSE(auth_.Authenticate(Basic(a.id, token_a.secret)));
}

// A server with a token cache of one second, over the same store.
class CachedAuthenticatorTest : public AuthenticatorTest {
 protected:
  static constexpr Micros kTtl = 1'000'000;
  CachedAuthenticatorTest() : cache_(clock_, kTtl), cached_(*stores_.projects, &cache_) {}

  TokenCache cache_;
  Authenticator cached_;
};

TEST_F(CachedAuthenticatorTest, ARevokedTokenWorksUntilItsEntryExpiresAndNoLonger) {
  auto project = *projects_.CreateProject("A", "a");
  auto token = *projects_.CreateToken(project.id, "t", {"voice"});
  ASSERT_TRUE(cached_.Authenticate(Basic(project.id, token.secret)));
  ASSERT_TRUE(projects_.RevokeToken(project.id, token.token.id));

  clock_.Advance(kTtl - 1);
  auto remembered = cached_.Authenticate(Basic(project.id, token.secret));
  ASSERT_TRUE(remembered);
  EXPECT_TRUE(remembered->HasAnyScope({"voice"}));
  EXPECT_FALSE(auth_.Authenticate(Basic(project.id, token.secret)));  // uncached: at once

  clock_.Advance(1);
  EXPECT_FALSE(cached_.Authenticate(Basic(project.id, token.secret)));
  EXPECT_EQ(cache_.size(), 0u);
}

TEST_F(CachedAuthenticatorTest, ARememberedTokenIsStillCheckedAgainstTheProjectSent) {
  auto a = *projects_.CreateProject("A", "a");
  auto b = *projects_.CreateProject("B", "b");
  auto token_a = *projects_.CreateToken(a.id, "t", {});
  ASSERT_TRUE(cached_.Authenticate(Basic(a.id, token_a.secret)));
  auto other = cached_.Authenticate(Basic(b.id, token_a.secret));
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(CachedAuthenticatorTest, FailuresAreNeverRemembered) {
  auto project = *projects_.CreateProject("A", "a");
  for (int i = 0; i < 50; ++i) {
    EXPECT_FALSE(cached_.Authenticate(Basic(project.id, "PTwrong" + std::to_string(i))));
  }
  EXPECT_EQ(cache_.size(), 0u);
}

TEST(TokenCache, StaysWithinItsBoundWhenFullOfLiveEntries) {
  testing::FakeClock clock;
  TokenCache cache(clock, 60'000'000);
  ApiToken token{.id = "t", .project_id = "p"};
  for (std::size_t i = 0; i < TokenCache::kMaxEntries + 5; ++i) {
    cache.Remember("hash" + std::to_string(i), token);
    ASSERT_LE(cache.size(), TokenCache::kMaxEntries);
  }
  EXPECT_TRUE(cache.Find("hash" + std::to_string(TokenCache::kMaxEntries + 4)));
}

TEST(TokenCache, DropsExpiredEntriesBeforeLiveOnesWhenFull) {
  testing::FakeClock clock;
  TokenCache cache(clock, 1'000'000);
  ApiToken token{.id = "t", .project_id = "p"};
  cache.Remember("old", token);
  clock.Advance(2'000'000);
  for (std::size_t i = 1; i < TokenCache::kMaxEntries; ++i)
    cache.Remember("live" + std::to_string(i), token);
  cache.Remember("new", token);  // full: the expired entry makes room
  EXPECT_EQ(cache.size(), TokenCache::kMaxEntries);
  EXPECT_TRUE(cache.Find("live1"));
  EXPECT_TRUE(cache.Find("new"));
  EXPECT_FALSE(cache.Find("old"));
}

TEST(BasicAuthorization, ParsesSchemeCaseInsensitivelyAndSplitsAtTheFirstColon) {
  auto c = ParseBasicAuthorization("basic dXNlcjpwYTpzcw==");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->user, "user");
  EXPECT_EQ(c->password, "pa:ss");
  EXPECT_FALSE(ParseBasicAuthorization("Basic dXNlcg=="));  // no colon
  EXPECT_FALSE(ParseBasicAuthorization("Digest abc"));
}

}  // namespace
}  // namespace sb
