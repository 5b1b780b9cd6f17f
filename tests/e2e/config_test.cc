// The --config TOML file: precedence, `config check`, and serve reading it.
#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

std::string Write(const TempDir& dir, const std::string& name, const std::string& text) {
  return WriteFile(dir.File(name), text);
}

TEST(ConfigFile, FlagBeatsEnvironmentBeatsFileBeatsDefault) {
  TempDir dir;
  auto file = Write(dir, "sb.toml",
                    "threads = 2\nmax_body_bytes = 4096\nread-timeout = 7\n"
                    "log_format = \"json\"\n");
  auto r = RunSwitchboard({"config", "check", "--config", file, "--threads", "9"},
                          {"SWITCHBOARD_THREADS=5", "SWITCHBOARD_MAX_BODY_BYTES=8192"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nthreads = 9\n"), std::string::npos) << r.out;            // flag
  EXPECT_NE(r.out.find("\nmax-body-bytes = 8192\n"), std::string::npos) << r.out;  // env
  EXPECT_NE(r.out.find("\nread-timeout = 7\n"), std::string::npos) << r.out;       // file
  EXPECT_NE(r.out.find("\nlog-format = \"json\"\n"), std::string::npos) << r.out;  // file
  EXPECT_NE(r.out.find("\nwrite-timeout = 30\n"), std::string::npos) << r.out;     // default
}

TEST(ConfigFile, CheckMasksThePasswordOfADatabaseUrl) {
  TempDir dir;
  auto file = Write(dir, "sb.toml", "database = \"postgres://sb:hunter2-secret@db.local/sb\"\n");
  auto r = RunSwitchboard({"config", "check", "--config", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("database = \"postgres://sb:***@db.local/sb\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("hunter2"), std::string::npos);
}

TEST(ConfigFile, CheckRejectsABadFileWithItsLineAndReason) {
  TempDir dir;
  struct Case {
    std::string text;
    std::string expected;
  } cases[] = {
      {"listen = \"127.0.0.1:1\"\nlissten = 3\n", "sb.toml:2: unknown key \"lissten\""},
      {"threads = \"many\"\n", "sb.toml:1: \"threads\""},
      {"threads = 0\n", "sb.toml:1: \"threads\""},
      {"threads = [1, 2]\n", "must be a string, an integer or a boolean"},
      {"listen = \n", "sb.toml:1:"},
      {"log_format = \"xml\"\n", "\"log-format\""},
  };
  for (const auto& c : cases) {
    auto file = Write(dir, "sb.toml", c.text);
    auto r = RunSwitchboard({"config", "check", "--config", file});
    EXPECT_NE(r.exit_code, 0) << c.text;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << c.text << " -> " << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
  }
  auto missing = RunSwitchboard({"config", "check", "--config", dir.File("none.toml")});
  EXPECT_NE(missing.exit_code, 0);
}

TEST(ConfigFile, ServeAndAdminCommandsReadTheFile) {
  TempDir dir;
  std::string db = dir.File("sb.db");
  auto file =
      Write(dir, "sb.toml",
            "database = \"" + db + "\"\nlog_format = \"json\"\nsip_domain = \"sip.conf\"\n");
  ServerProcess server(dir, {"--config", file}, db);
  ASSERT_FALSE(server.token.empty());
  HttpClient client(server.base_url, server.project_id, server.token);
  auto profile = client.Get(kProfile).Json();
  EXPECT_EQ(profile["domain"], profile["domain_identifier"].get<std::string>() + ".sip.conf");
  ASSERT_EQ(server.Stop(), 0);
  EXPECT_EQ(server.Stderr().rfind("{\"time\":", 0), 0u) << server.Stderr();
  // `project list` takes the database from the same file and ignores the server's settings.
  auto list = RunSwitchboard({"project", "list", "--config", file, "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find(server.project_id), std::string::npos);
}

}  // namespace
}  // namespace sb::testing
