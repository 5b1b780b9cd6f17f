// Secrets at rest (CONTRACT 9): no password bytes in the store, digests that a registrar accepts.
#include <filesystem>

#include <gtest/gtest.h>

#include "domain/digest.h"
#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class SecretsTest : public ApiTest {
 protected:
  struct Digests {
    std::string ha1, ha1_sha256, ha1b;
  };
  Digests StoredDigests(const std::string& id) {
    auto row =
        server_->store().Row("SELECT ha1, ha1_sha256, ha1b FROM sip_endpoints WHERE id = $1", {id});
    EXPECT_EQ(row.size(), 3u);
    row.resize(3);
    return {row[0], row[1], row[2]};
  }

  std::string Realm() {
    auto listed = RunSwitchboard(
        {"project", "list", "--json", "--database", server_->database, "--sip-domain", "sip.test"});
    return Json::parse(listed.out)[0]["domain"];
  }
};

TEST_F(SecretsTest, TheStoreFilesHoldNoPasswordBytes) {
  const std::vector<std::string> passwords = {"Zebra-Unique-Pass-0001", "Quokka-Unique-Pass-0002",
                                              "Marmot-Unique-Pass-0003"};
  std::string id;
  for (std::size_t i = 0; i < passwords.size(); ++i) {
    auto r = client_->Post(
        kEndpoints, Json{{"username", "u" + std::to_string(i)}, {"password", passwords[i]}}.dump());
    ASSERT_EQ(r.status, 201);
    id = r.Json()["id"];
  }
  ASSERT_EQ(
      client_->Put(std::string(kEndpoints) + "/" + id, R"({"password":"Walrus-Unique-Pass-0004"})")
          .status,
      200);
  ASSERT_EQ(server_->Stop(), 0);
  std::string bytes = server_->store().Dump();
  ASSERT_GT(bytes.size(), 4096u);
  for (const auto& p : passwords) EXPECT_EQ(bytes.find(p), std::string::npos) << p;
  EXPECT_EQ(bytes.find("Walrus-Unique-Pass-0004"), std::string::npos);
  EXPECT_EQ(bytes.find(server_->token), std::string::npos);  // only its hash is kept
}

TEST_F(SecretsTest, DigestsMatchKnownVectorsAndFollowARenameWithoutPassword) {
  std::string realm = Realm();
  auto e = CreateEndpoint("alice", {{"password", "s3cret-pass"}});
  std::string id = e["id"];
  auto before = StoredDigests(id);
  EXPECT_EQ(before.ha1, Md5Hex("alice:" + realm + ":s3cret-pass"));

  ASSERT_EQ(
      client_->Put(std::string(kEndpoints) + "/" + id, R"({"username":"alice.renamed"})").status,
      200);
  auto after = StoredDigests(id);
  EXPECT_EQ(after.ha1, Md5Hex("alice.renamed:" + realm + ":s3cret-pass"));
  EXPECT_EQ(after.ha1_sha256, Sha256Hex("alice.renamed:" + realm + ":s3cret-pass"));
  EXPECT_EQ(after.ha1b, Md5Hex("alice.renamed@" + realm + ":" + realm + ":s3cret-pass"));
}

// The same check against vectors computed outside this code base (coreutils md5sum/sha256sum),
// for a project whose domain is fixed.
TEST_F(SecretsTest, DigestsEqualIndependentlyComputedValues) {
  auto created = RunSwitchboard({"project", "create", "--name", "Acme", "--domain-identifier",
                                 "acme", "--database", server_->database, "--json"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  auto project = Json::parse(created.out);
  auto token = RunSwitchboard(
      {"token", "create", "--project", project["id"], "--database", server_->database, "--json"});
  HttpClient acme(server_->base_url, project["id"], Json::parse(token.out)["token"]);
  auto r = acme.Post(kEndpoints, R"({"username":"bob","password":"s3cret-pass"})");
  ASSERT_EQ(r.status, 201);
  ASSERT_EQ(acme.Put(std::string(kEndpoints) + "/" + r.Json()["id"].get<std::string>(),
                     R"({"username":"alice"})")
                .status,
            200);
  // printf 'alice:acme.sip.test:s3cret-pass' | md5sum, | sha256sum;
  // printf 'alice@acme.sip.test:acme.sip.test:s3cret-pass' | md5sum
  auto d = StoredDigests(r.Json()["id"]);
  EXPECT_EQ(d.ha1, "9b5970a8aee34726626b13e70ec1564f");
  EXPECT_EQ(d.ha1_sha256, "d4e99beee70fc1a101abbeef4a74282513f1f3583d91b769d06a826216f611e6");
  EXPECT_EQ(d.ha1b, "7b629ddfc1a21d357a0fe9c5f70a1de2");
}

}  // namespace
}  // namespace sb::testing
