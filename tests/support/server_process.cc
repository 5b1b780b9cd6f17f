#include "support/server_process.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/child_process.h"

namespace sb::testing {
namespace {

int ExitStatus(int status) {
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

std::string SwitchboardBinary() { return SB_SWITCHBOARD_BINARY; }

CommandResult RunSwitchboard(const std::vector<std::string>& args,
                             const std::vector<std::string>& environment,
                             const std::string& stdin_text) {
  TempDir scratch;
  std::string out_path = scratch.File("out"), err_path = scratch.File("err");
  std::string in_path = scratch.File("in");
  WriteFile(in_path, stdin_text);
  std::vector<std::string> full = {SwitchboardBinary()};
  full.insert(full.end(), args.begin(), args.end());
  pid_t pid = fork();
  if (pid == 0) {
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(out, 1);
    dup2(err, 2);
    int in = ::open(in_path.c_str(), O_RDONLY);
    dup2(in, 0);
    setsid();  // no controlling terminal: a command must not wait for someone to type
    for (const auto& variable : environment) putenv(const_cast<char*>(variable.c_str()));
    auto argv = Argv(full);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return {ExitStatus(status), ReadFile(out_path), ReadFile(err_path)};
}

ServerProcess::ServerProcess(const TempDir& dir, std::vector<std::string> extra_args,
                             std::string db)
    : stderr_path(dir.File("server-" + std::to_string(::getpid()) + "-" +
                           std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".log")) {
  if (db.empty()) {
    store_ = std::make_unique<TestDatabase>(dir, TestingOnPostgres());
    database = store_->url();
  } else {
    database = std::move(db);
  }
  std::vector<std::string> args = {SwitchboardBinary(), "serve",
                                   "--listen",          "127.0.0.1:0",
                                   "--database",        database,
                                   "--threads",         "4",
                                   "--key-file",        dir.File("switchboard.key")};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0)
    throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    int err = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(pipe_fds[1], 1);
    dup2(err, 2);
    close(pipe_fds[0]);
    auto argv = Argv(args);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  FILE* out = fdopen(pipe_fds[0], "r");
  char line[1024];
  while (fgets(line, sizeof line, out) != nullptr) {
    std::string text(line);
    if (!text.empty() && text.back() == '\n')
      text.pop_back();
    if (text.rfind("project_id: ", 0) == 0)
      project_id = text.substr(12);
    if (text.rfind("api_token: ", 0) == 0)
      token = text.substr(11);
    if (text.rfind("listening on ", 0) == 0) {
      base_url = text.substr(13);
      break;
    }
  }
  // Later output is not read; the pipe is closed so that writes fail rather than block.
  fclose(out);
  if (base_url.empty()) {
    Stop();
    throw std::runtime_error("switchboard serve did not start: " + Stderr());
  }
  origin_url = base_url;
  const char* prism = std::getenv("SB_TEST_PRISM");
  // Prism cannot proxy to a server with a test certificate: HTTPS servers are reached directly.
  if (prism != nullptr && *prism != '\0' && base_url.rfind("http://", 0) == 0)
    StartProxy(dir);
}

void ServerProcess::StartProxy(const TempDir& dir) {
  std::string port = std::to_string(FreeLoopbackPort(SOCK_STREAM));
  prism_log_ = dir.File("prism-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".log");
  std::vector<std::string> args = {std::getenv("SB_TEST_PRISM"),
                                   "proxy",
                                   std::getenv("SB_TEST_OPENAPI"),
                                   origin_url,
                                   "--host",
                                   "127.0.0.1",
                                   "--port",
                                   port};
  prism_pid_ = fork();
  if (prism_pid_ == 0) {
    int log = ::open(prism_log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(log, 1);
    dup2(log, 2);
    auto argv = Argv(args);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // Ready when it says so; bounded, since a proxy that never starts must fail the test.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (ReadFile(prism_log_).find("Prism is listening") == std::string::npos) {
    if (std::chrono::steady_clock::now() > deadline) {
      StopProxy();
      throw std::runtime_error("prism did not start: " + ReadFile(prism_log_));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  base_url = "http://127.0.0.1:" + port;
}

void ServerProcess::StopProxy() {
  if (prism_pid_ > 0) {
    kill(prism_pid_, SIGTERM);
    int status = 0;
    waitpid(prism_pid_, &status, 0);
    prism_pid_ = -1;
  }
}

std::string ServerProcess::ResponseViolations() const {
  if (prism_log_.empty())
    return {};
  std::istringstream log(ReadFile(prism_log_));
  std::string line, found;
  while (std::getline(log, line)) {
    if (line.find("Violation: response") != std::string::npos)
      found += line + "\n";
  }
  return found;
}

ServerProcess::~ServerProcess() { Stop(); }

int ServerProcess::Stop() {
  StopProxy();
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_status_ = ExitStatus(status);
    pid_ = -1;
  }
  return exit_status_;
}

void ServerProcess::Kill() {
  StopProxy();
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_status_ = ExitStatus(status);
    pid_ = -1;
  }
}

}  // namespace sb::testing
