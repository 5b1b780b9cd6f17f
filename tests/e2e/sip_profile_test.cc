// The SIP profile and what endpoints inherit from it (CONTRACT 10).
#include <gtest/gtest.h>

#include "domain/digest.h"
#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class SipProfileTest : public ApiTest {};

TEST_F(SipProfileTest, ANewProjectHasTheContractDefaults) {
  auto r = client_->Get(kProfile);
  ASSERT_EQ(r.status, 200);
  auto p = r.Json();
  EXPECT_EQ(p["domain"], p["domain_identifier"].get<std::string>() + ".sip.test");
  EXPECT_EQ(p["default_codecs"],
            Json::parse(R"(["OPUS","G722","PCMU","PCMA","G729","VP8","H264"])"));
  EXPECT_EQ(p["default_ciphers"].size(), 5u);
  EXPECT_EQ(p["default_encryption"], "optional");
  EXPECT_TRUE(p["default_send_as"].is_null());
  EXPECT_EQ(p["default_outbound_policy"], "passthrough");
}

TEST_F(SipProfileTest, PutMergesAndAnswers201) {
  auto r = client_->Put(kProfile,
                        R"({"default_encryption":"required","default_send_as":"+15550001111"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["default_encryption"], "required");
  EXPECT_EQ(r.Json()["default_codecs"].size(), 7u);
  EXPECT_EQ(client_->Get(kProfile).Json(), r.Json());
  auto bad = client_->Put(kProfile, R"({"default_codecs":[],"default_encryption":"default",
                                       "default_outbound_policy":"x","domain_identifier":"Bad Name"})");
  EXPECT_TRUE(HasRelayError(bad, "missing_sip_configuration", "default_codecs"));
  EXPECT_TRUE(HasRelayError(bad, "invalid_parameter", "default_encryption"));
  EXPECT_TRUE(HasRelayError(bad, "invalid_parameter", "default_outbound_policy"));
  EXPECT_TRUE(HasRelayError(bad, "invalid_parameter", "domain_identifier"));
  EXPECT_EQ(client_->Get(kProfile).Json(), r.Json());
}

TEST_F(SipProfileTest, DefaultsShowAtOnceInInheritingEndpointsOnly) {
  auto inheriting = CreateEndpoint("inherits");
  auto own = CreateEndpoint(
      "owns",
      {{"codecs", {"PCMA"}}, {"ciphers", {"AEAD_AES_256_GCM_8"}}, {"send_as", "+15559998888"}});
  ASSERT_EQ(client_
                ->Put(kProfile, R"({"default_codecs":["G722","PCMU"],
                                       "default_ciphers":["AES_CM_128_HMAC_SHA1_32"],
                                       "default_send_as":"+15550001111"})")
                .status,
            201);
  auto a = client_->Get(std::string(kEndpoints) + "/" + inheriting["id"].get<std::string>()).Json();
  EXPECT_EQ(a["codecs"], Json::parse(R"(["G722","PCMU"])"));
  EXPECT_EQ(a["ciphers"], Json::parse(R"(["AES_CM_128_HMAC_SHA1_32"])"));
  EXPECT_EQ(a["send_as"], "+15550001111");
  auto fabric =
      client_->Get(std::string(kFabricEndpoints) + "/" + inheriting["id"].get<std::string>())
          .Json();
  EXPECT_EQ(fabric["sip_endpoint"]["codecs"], a["codecs"]);
  auto b = client_->Get(std::string(kEndpoints) + "/" + own["id"].get<std::string>()).Json();
  EXPECT_EQ(b["codecs"], Json::parse(R"(["PCMA"])"));
  EXPECT_EQ(b["ciphers"], Json::parse(R"(["AEAD_AES_256_GCM_8"])"));
  EXPECT_EQ(b["send_as"], "+15559998888");
  // Lists resolve the same way.
  auto listed = client_->Get(kEndpoints).Json()["data"];
  EXPECT_EQ(listed[1]["codecs"], a["codecs"]);
}

TEST_F(SipProfileTest, ChangingTheDomainRederivesEveryDigest) {
  auto e = CreateEndpoint("alice", {{"password", "s3cret-pass"}});
  ASSERT_EQ(client_->Put(kProfile, R"({"domain_identifier":"renamed"})").status, 201);
  EXPECT_EQ(client_->Get(kProfile).Json()["domain"], "renamed.sip.test");
  auto row = server_->store().Row("SELECT ha1, ha1_sha256 FROM sip_endpoints WHERE id = $1",
                                  {e["id"].get<std::string>()});
  ASSERT_EQ(row.size(), 2u);
  EXPECT_EQ(row[0], Md5Hex("alice:renamed.sip.test:s3cret-pass"));
  EXPECT_EQ(row[1], Sha256Hex("alice:renamed.sip.test:s3cret-pass"));
}

TEST_F(SipProfileTest, DomainIdentifiersAreUniqueAcrossProjects) {
  auto other = NewProject("other");
  HttpClient c(server_->base_url, other.id, other.token);
  ASSERT_EQ(c.Put(kProfile, R"({"domain_identifier":"taken"})").status, 201);
  EXPECT_TRUE(HasRelayError(client_->Put(kProfile, R"({"domain_identifier":"taken"})"),
                            "not_unique_within_project", "domain_identifier"));
}

}  // namespace
}  // namespace sb::testing
