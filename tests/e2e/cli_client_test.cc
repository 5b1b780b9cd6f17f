// The CLI client (`switchboard endpoints ...`, `switchboard profile ...`) against a spawned server.
#include <set>

#include <gtest/gtest.h>

#include "e2e/api_fixture.h"
#include "support/secret_watch.h"

namespace sb::testing {
namespace {

class CliClientTest : public ApiTest {
 protected:
  // Runs a client command with the server's address and credentials in the environment.
  CommandResult Client(std::vector<std::string> args, const std::string& stdin_text = "") {
    SecretWatch::Remember(stdin_text.substr(0, stdin_text.find('\n')));
    return RunSwitchboard(
        args,
        {"SWITCHBOARD_URL=" + server_->base_url, "SWITCHBOARD_PROJECT=" + server_->project_id,
         "SWITCHBOARD_TOKEN=" + server_->token},
        stdin_text);
  }
};

TEST_F(CliClientTest, CreateGetUpdateListDeleteAnEndpoint) {
  auto created = Client({"endpoints", "create", "--username", "desk-1", "--caller-id", "Front Desk",
                         "--codecs", "OPUS,PCMU", "--password-stdin", "--json"},
                        "cli-pass-123\n");
  ASSERT_EQ(created.exit_code, 0) << created.err;
  auto endpoint = Json::parse(created.out);
  std::string id = endpoint["id"];
  EXPECT_EQ(endpoint["codecs"], Json::array({"OPUS", "PCMU"}));
  EXPECT_EQ(created.out.find("cli-pass-123"), std::string::npos);

  auto shown = Client({"endpoints", "get", id});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("caller_id"), std::string::npos);
  EXPECT_NE(shown.out.find("Front Desk"), std::string::npos);

  auto updated = Client(
      {"endpoints", "update", id, "--caller-id", "Lobby", "--set", "call_handler=relay_context",
       "--set", "call_relay_context=office", "--password-stdin", "--json"},
      "new-cli-pass-456\n");
  ASSERT_EQ(updated.exit_code, 0) << updated.err;
  auto after = client_->Get(std::string(kEndpoints) + "/" + id).Json();
  EXPECT_EQ(after["caller_id"], "Lobby");
  EXPECT_EQ(after["call_relay_context"], "office");
  EXPECT_NE(after["updated_at"], endpoint["updated_at"]);

  auto table = Client({"endpoints", "list"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out.rfind("ID", 0), 0u) << table.out;
  EXPECT_NE(table.out.find("desk-1"), std::string::npos);

  auto removed = Client({"endpoints", "delete", id});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(client_->Get(std::string(kEndpoints) + "/" + id).status, 404);
}

TEST_F(CliClientTest, ListAllFollowsLinksNextAndFiltersAreSent) {
  for (int i = 0; i < 7; ++i) CreateEndpoint("pager-" + std::to_string(i));
  CreateEndpoint("other");
  auto one_page = Client({"endpoints", "list", "--page-size", "3", "--json"});
  ASSERT_EQ(one_page.exit_code, 0) << one_page.err;
  EXPECT_EQ(Json::parse(one_page.out).size(), 3u);

  auto all = Client({"endpoints", "list", "--page-size", "3", "--all", "--json"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  std::set<std::string> ids;
  for (const auto& e : Json::parse(all.out)) ids.insert(e["id"].get<std::string>());
  EXPECT_EQ(ids.size(), 8u);

  auto filtered =
      Client({"endpoints", "list", "--username", "PAGER", "--page-size", "2", "--all", "--json"});
  ASSERT_EQ(filtered.exit_code, 0) << filtered.err;
  EXPECT_EQ(Json::parse(filtered.out).size(), 7u);

  auto table = Client({"endpoints", "list", "--page-size", "3"});
  EXPECT_NE(table.out.find("--all"), std::string::npos) << "says that more pages exist";
}

TEST_F(CliClientTest, ProfileGetAndSet) {
  auto set = Client({"profile", "set", "--default-codecs", "PCMU,PCMA", "--default-encryption",
                     "required", "--json"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(Json::parse(set.out)["default_codecs"], Json::array({"PCMU", "PCMA"}));
  auto got = Client({"profile", "get"});
  ASSERT_EQ(got.exit_code, 0) << got.err;
  EXPECT_NE(got.out.find("default_encryption"), std::string::npos);
  EXPECT_NE(got.out.find("required"), std::string::npos);
  EXPECT_EQ(client_->Get(kProfile).Json()["default_encryption"], "required");
}

TEST_F(CliClientTest, ErrorsAreOneReadableLineWithANonZeroExit) {
  auto expect_one_line = [](const CommandResult& r, const std::string& text) {
    EXPECT_NE(r.exit_code, 0);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_NE(r.err.find(text), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  };
  expect_one_line(Client({"endpoints", "create", "--username", "bad user", "--password-stdin"},
                         "long-enough-pass\n"),
                  "422 username: username must not contain whitespace or @");
  expect_one_line(Client({"endpoints", "get", "0190d0a8-0000-7000-8000-000000000000"}),
                  "404 Not Found");
  expect_one_line(RunSwitchboard({"endpoints", "list", "--url", server_->base_url, "--project",
                                  server_->project_id, "--token", "PTnot-the-token"}),
                  "401 Unauthorized");
  expect_one_line(Client({"endpoints", "list", "--url", "http://127.0.0.1:1"}), "cannot reach");
  // No terminal and no --password-stdin: the password is never taken from the command line.
  expect_one_line(Client({"endpoints", "create", "--username", "nopass"}), "--password-stdin");
  expect_one_line(Client({"endpoints", "update", "0190d0a8-0000-7000-8000-000000000000"}),
                  "nothing to change");
}

}  // namespace
}  // namespace sb::testing
