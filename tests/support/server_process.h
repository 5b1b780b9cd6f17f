#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

#include "support/http_client.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

namespace sb::testing {

// The switchboard binary under test (set by CMake).
std::string SwitchboardBinary();

// Runs the switchboard binary with `args` (and the NAME=VALUE `environment` added, `stdin_text`
// on its stdin, no controlling terminal) to completion; returns its exit code, stdout, stderr.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
CommandResult RunSwitchboard(const std::vector<std::string>& args,
                             const std::vector<std::string>& environment = {},
                             const std::string& stdin_text = "");

// A `switchboard serve` child process on a free loopback port, with its store in `dir`. Reads
// the bootstrap project id and token from stdout on first start, and waits for "listening on".
// The destructor stops it with SIGTERM and expects a clean exit.
class ServerProcess {
 public:
  // `database`: the store to serve; by default a fresh one of the kind the suite runs on
  // (TestingOnPostgres()), owned by this object.
  explicit ServerProcess(const TempDir& dir, std::vector<std::string> extra_args = {},
                         std::string database = "");
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // SIGTERM, then wait; returns the exit status (0 on a graceful stop). Idempotent.
  int Stop();
  // SIGKILL, then wait: the crash case.
  void Kill();

  // Requests in front of a response-validating proxy: when SB_TEST_PRISM names the Prism CLI
  // (and SB_TEST_OPENAPI the document), the server is reached through `prism proxy`, which
  // checks every response against the OpenAPI document; base_url is then the proxy's.
  bool proxied() const { return prism_pid_ > 0; }
  // The lines in which the proxy reported a response that breaks the document ("" when none).
  std::string ResponseViolations() const;

  // A client with the bootstrap credentials.
  HttpClient Client() const { return HttpClient(base_url, project_id, token); }

  std::string base_url;
  std::string origin_url;  // the server itself, as its links name it
  std::string project_id;  // empty when the store was not empty at start
  std::string token;
  std::string database;
  std::string stderr_path;

  std::string Stderr() const { return ReadFile(stderr_path); }

  // The store this server was started on, when this object made it.
  TestDatabase& store() { return *store_; }

 private:
  void StartProxy(const TempDir& dir);
  void StopProxy();

  std::unique_ptr<TestDatabase> store_;
  pid_t pid_ = -1;
  int exit_status_ = -1;
  pid_t prism_pid_ = -1;
  std::string prism_log_;
};

}  // namespace sb::testing
