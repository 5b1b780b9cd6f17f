// The ProjectStore contract (storage/project_store.h), run against every store.
#include <gtest/gtest.h>

#include "storage/project_store.h"
#include "storage/store_fixture.h"

namespace sb::testing {
namespace {

constexpr const char* kProjectA = "01900000-0000-7000-8000-00000000000a";
constexpr const char* kProjectB = "01900000-0000-7000-8000-00000000000b";

class ProjectStoreTest : public StoreTest {
 protected:
  ProjectStore& store() { return *stores_.projects; }
};

TEST_P(ProjectStoreTest, CreatesAndReadsProjectsWithTheirProfile) {
  EXPECT_TRUE(*store().IsEmpty());
  Project a = MakeProject(kProjectA, "alpha");
  EXPECT_FALSE(*store().IsEmpty());
  auto read = store().GetProject(kProjectA);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->name, a.name);
  EXPECT_EQ(read->profile, a.profile);
  EXPECT_EQ(store().GetProject(kProjectB).error().code, ErrorCode::kNotFound);
  MakeProject(kProjectB, "beta");
  EXPECT_EQ(store().ListProjects()->size(), 2u);
}

TEST_P(ProjectStoreTest, DomainIdentifiersAreUnique) {
  MakeProject(kProjectA, "alpha");
  Project clash{kProjectB, "x", NewProjectProfile("alpha"), 1};
  EXPECT_EQ(store().CreateProject(clash).error().code, ErrorCode::kAlreadyExists);
}

TEST_P(ProjectStoreTest, FindsTokensByHashUntilRevoked) {
  MakeProject(kProjectA, "alpha");
  ApiToken token{"01900000-0000-7000-8000-0000000000f1", kProjectA, "ci", {"voice", "fax"}, 5, {}};
  ASSERT_TRUE(store().CreateToken(token, "hash-1"));
  auto found = store().FindToken("hash-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->token.project_id, kProjectA);
  EXPECT_EQ(found->token.scopes, (std::vector<std::string>{"voice", "fax"}));
  EXPECT_EQ(store().FindToken("hash-2").error().code, ErrorCode::kNotFound);

  EXPECT_EQ(store().RevokeToken(kProjectB, token.id, 9).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store().RevokeToken(kProjectA, token.id, 9));
  EXPECT_EQ(store().FindToken("hash-1").error().code, ErrorCode::kNotFound);
  auto listed = store().ListTokens(kProjectA);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].revoked_at, 9);
}

TEST_P(ProjectStoreTest, ProfileChangeRederivesDigestsInTheSameTransaction) {
  MakeProject(kProjectA, "alpha");
  StoredEndpoint e;
  e.endpoint = {.id = "01900000-0000-7000-8000-0000000000e1",
                .resource_id = "01900000-0000-7000-8000-0000000000f1",
                .address_id = "01900000-0000-7000-8000-0000000000a1",
                .project_id = kProjectA,
                .username = "alice"};
  e.credentials = {"old", "old", "old", {1, 2, 3}, "k"};
  ASSERT_TRUE(stores_.endpoints->Insert(e));

  auto changed = store().UpdateProfile(
      kProjectA,
      [](const SipProfile& p) -> Result<SipProfile> {
        SipProfile next = p;
        next.domain_identifier = "renamed";
        return next;
      },
      [](const StoredEndpoint& s, const std::string& identifier) -> Result<SipCredentials> {
        return SipCredentials{s.endpoint.username + "@" + identifier, "b", "c", {}, ""};
      });
  ASSERT_TRUE(changed);
  EXPECT_EQ(store().GetProject(kProjectA)->profile.domain_identifier, "renamed");
  auto read = stores_.endpoints->Get(kProjectA, e.endpoint.id);
  EXPECT_EQ(read->credentials.ha1, "alice@renamed");
  EXPECT_EQ(read->credentials.sealed_password, (std::vector<std::uint8_t>{1, 2, 3}));

  // A failed re-derivation leaves profile and digests as they were.
  auto failed = store().UpdateProfile(
      kProjectA,
      [](const SipProfile& p) -> Result<SipProfile> {
        SipProfile next = p;
        next.domain_identifier = "third";
        return next;
      },
      [](const StoredEndpoint&, const std::string&) -> Result<SipCredentials> {
        return Fail(Error::Internal("boom"));
      });
  EXPECT_FALSE(failed);
  EXPECT_EQ(store().GetProject(kProjectA)->profile.domain_identifier, "renamed");
  EXPECT_EQ(stores_.endpoints->Get(kProjectA, e.endpoint.id)->credentials.ha1, "alice@renamed");
}

INSTANTIATE_TEST_SUITE_P(Stores, ProjectStoreTest, ::testing::Values("sqlite", "postgres"),
                         StoreName);

}  // namespace
}  // namespace sb::testing
