#include "service/endpoint_service.h"

#include <gtest/gtest.h>

#include "app/stores.h"
#include "domain/digest.h"
#include "service/project_service.h"
#include "support/fakes.h"
#include "support/temp_dir.h"

namespace sb {
namespace {

class EndpointServiceTest : public ::testing::Test {
 protected:
  EndpointServiceTest()
      : stores_(OpenStores(dir_.File("s.db"), 2)),
        ids_(clock_, random_),
        sealer_({SecretKey{}}, random_),
        projects_(*stores_.projects, ids_, random_, clock_),
        service_(*stores_.endpoints, *stores_.projects, sealer_, ids_, clock_,
                 {"sip.example.com", {}}) {
    project_ = *projects_.CreateProject("Acme", "acme");
  }

  EndpointPatch Patch(const std::string& username, const std::string& password = "s3cret-pass") {
    EndpointPatch p;
    p.username.Set(username);
    if (!password.empty())
      p.password.Set(password);
    return p;
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  testing::CountingRandom random_;
  Stores stores_;
  IdGenerator ids_;
  PasswordSealer sealer_;
  ProjectService projects_;
  EndpointService service_;
  Project project_;
};

TEST_F(EndpointServiceTest, CreateStoresDigestsForTheProjectRealmAndShowsInheritedDefaults) {
  auto created = service_.Create(project_.id, Patch("alice"), Surface::kRelay);
  ASSERT_TRUE(created);
  EXPECT_EQ(created->send_as, "random");
  EXPECT_EQ(created->codecs, project_.profile.default_codecs);
  EXPECT_EQ(created->ciphers, project_.profile.default_ciphers);
  auto stored = stores_.endpoints->Get(project_.id, created->id);
  EXPECT_EQ(stored->credentials.ha1, Md5Hex("alice:acme.sip.example.com:s3cret-pass"));
  EXPECT_EQ(stored->credentials.ha1_sha256, Sha256Hex("alice:acme.sip.example.com:s3cret-pass"));
  EXPECT_EQ(stored->endpoint.codecs, std::vector<std::string>{});  // stored as "inherit"
}

TEST_F(EndpointServiceTest, RenameWithoutPasswordRederivesDigestsFromTheSealedPassword) {
  auto created = service_.Create(project_.id, Patch("alice"), Surface::kRelay);
  EndpointPatch rename;
  rename.username.Set("alice2");
  ASSERT_TRUE(service_.Update(project_.id, created->id, rename, Surface::kRelay));
  auto stored = stores_.endpoints->Get(project_.id, created->id);
  EXPECT_EQ(stored->credentials.ha1, Md5Hex("alice2:acme.sip.example.com:s3cret-pass"));
  EXPECT_EQ(stored->credentials.ha1b,
            Md5Hex("alice2@acme.sip.example.com:acme.sip.example.com:s3cret-pass"));
}

TEST_F(EndpointServiceTest, NewPasswordReplacesTheDigests) {
  auto created = service_.Create(project_.id, Patch("alice"), Surface::kRelay);
  EndpointPatch change;
  change.password.Set("another-pass");
  ASSERT_TRUE(service_.Update(project_.id, created->id, change, Surface::kRelay));
  auto stored = stores_.endpoints->Get(project_.id, created->id);
  EXPECT_EQ(stored->credentials.ha1, Md5Hex("alice:acme.sip.example.com:another-pass"));
}

TEST_F(EndpointServiceTest, UpdatedAtMovesOnEveryUpdateEvenWhenTheClockDoesNot) {
  auto created = service_.Create(project_.id, Patch("alice"), Surface::kRelay);
  EndpointPatch p;
  p.caller_id.Set("x");
  auto first = service_.Update(project_.id, created->id, p, Surface::kRelay);
  auto second = service_.Update(project_.id, created->id, p, Surface::kRelay);
  EXPECT_LT(created->updated_at, first->updated_at);
  EXPECT_LT(first->updated_at, second->updated_at);
  EXPECT_EQ(second->created_at, created->created_at);
}

TEST_F(EndpointServiceTest, DuplicateUsernameIsAFieldError) {
  ASSERT_TRUE(service_.Create(project_.id, Patch("alice"), Surface::kRelay));
  auto dup = service_.Create(project_.id, Patch("ALICE"), Surface::kRelay);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(dup.error().fields[0].code, "not_unique_within_project");
}

TEST_F(EndpointServiceTest, ResourceHandlerMustNameAnotherResourceOfTheProject) {
  auto target = service_.Create(project_.id, Patch("target"), Surface::kRelay);
  auto other_project = *projects_.CreateProject("Other", "other");
  auto foreign = service_.Create(other_project.id, Patch("foreign"), Surface::kRelay);

  EndpointPatch p = Patch("caller");
  p.call_handler.Set("resource");
  p.calling_handler_resource_id.Set(foreign->resource_id);
  EXPECT_EQ(service_.Create(project_.id, p, Surface::kFabric).error().fields[0].code,
            "provided_id_is_unrecognized");
  p.calling_handler_resource_id.Set(target->resource_id);
  auto created = service_.Create(project_.id, p, Surface::kFabric);
  ASSERT_TRUE(created);

  EndpointPatch self;
  self.calling_handler_resource_id.Set(created->resource_id);
  EXPECT_EQ(
      service_.Update(project_.id, created->id, self, Surface::kFabric).error().fields[0].code,
      "provided_id_is_unrecognized");
}

TEST_F(EndpointServiceTest, ProfileDefaultsShowThroughInheritingEndpointsOnly) {
  auto inheriting = service_.Create(project_.id, Patch("a"), Surface::kRelay);
  EndpointPatch own = Patch("b");
  own.codecs.Set({"PCMU"});
  auto owning = service_.Create(project_.id, own, Surface::kRelay);
  ASSERT_TRUE(stores_.projects->UpdateProfile(
      project_.id,
      [](const SipProfile& p) -> Result<SipProfile> {
        SipProfile next = p;
        next.default_codecs = {"G722"};
        next.default_send_as = "+15550001111";
        return next;
      },
      nullptr));
  EXPECT_EQ(service_.Get(project_.id, inheriting->id, Surface::kRelay)->codecs,
            std::vector<std::string>{"G722"});
  EXPECT_EQ(service_.Get(project_.id, inheriting->id, Surface::kRelay)->send_as, "+15550001111");
  EXPECT_EQ(service_.Get(project_.id, owning->id, Surface::kRelay)->codecs,
            std::vector<std::string>{"PCMU"});
}

}  // namespace
}  // namespace sb
