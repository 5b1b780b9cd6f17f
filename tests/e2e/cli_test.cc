// The administrative CLI: projects and tokens against the store a server uses.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class CliTest : public ApiTest {};

TEST_F(CliTest, ProjectCreateAndListSpeakJson) {
  auto created = RunSwitchboard(
      {"project", "create", "--name", "Acme Corp", "--database", server_->database, "--json"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  auto p = Json::parse(created.out);
  EXPECT_EQ(p["name"], "Acme Corp");
  EXPECT_EQ(p["domain_identifier"].get<std::string>().rfind("acme-corp-", 0), 0u);
  auto listed = RunSwitchboard({"project", "list", "--database", server_->database, "--json"});
  ASSERT_EQ(listed.exit_code, 0);
  auto all = Json::parse(listed.out);
  ASSERT_EQ(all.size(), 2u);  // the bootstrap project, then Acme
  EXPECT_EQ(all[0]["id"], server_->project_id);
  EXPECT_EQ(all[1]["id"], p["id"]);
}

TEST_F(CliTest, BadInputIsOneReadableLineAndANonZeroExit) {
  auto clash = RunSwitchboard({"project", "create", "--name", "x", "--domain-identifier",
                               "Not A Label", "--database", server_->database});
  EXPECT_NE(clash.exit_code, 0);
  EXPECT_NE(clash.err.find("domain_identifier must be a DNS label"), std::string::npos);
  auto unknown =
      RunSwitchboard({"token", "create", "--project", "01a20556-4659-7000-a69f-2b76d4232056",
                      "--database", server_->database});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_EQ(unknown.err, "switchboard: not found\n");
}

TEST_F(CliTest, TokensWorkOverHttpUntilRevokedAndListWithoutSecrets) {
  auto token = RunSwitchboard({"token", "create", "--project", server_->project_id, "--name", "ci",
                               "--scopes", "voice", "--database", server_->database, "--json"});
  ASSERT_EQ(token.exit_code, 0) << token.err;
  auto t = Json::parse(token.out);
  std::string secret = t["token"];
  EXPECT_EQ(secret.rfind("PT", 0), 0u);
  EXPECT_GE(secret.size(), 34u);  // at least 128 random bits
  HttpClient c(server_->base_url, server_->project_id, secret);
  EXPECT_EQ(c.Get(kEndpoints).status, 200);

  auto listed = RunSwitchboard(
      {"token", "list", "--project", server_->project_id, "--database", server_->database});
  ASSERT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.out.find("ci"), std::string::npos);
  EXPECT_EQ(listed.out.find(secret), std::string::npos);

  auto revoked = RunSwitchboard({"token", "revoke", "--project", server_->project_id,
                                 t["id"].get<std::string>(), "--database", server_->database});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  // The server trusts a token that authenticated within --token-cache-ms (1 s by default,
  // docs/design/token-cache.md): the revocation must show soon after, and for good.
  auto revoked_at = std::chrono::steady_clock::now();
  int status = 0;
  while ((status = c.Get(kEndpoints).status) == 200 &&
         std::chrono::steady_clock::now() - revoked_at < std::chrono::seconds(3)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(status, 401);
  EXPECT_EQ(c.Get(kEndpoints).status, 401);
  EXPECT_EQ(client_->Get(kEndpoints).status, 200);  // other tokens unaffected
}

}  // namespace
}  // namespace sb::testing
