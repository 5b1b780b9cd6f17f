#include "support/kamailio_process.h"

#include <chrono>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/child_process.h"
#include "support/sip_client.h"

namespace sb::testing {

int FreeUdpPort() { return FreeLoopbackPort(SOCK_DGRAM); }

KamailioProcess::KamailioProcess(const TempDir& dir, const std::string& database,
                                 Algorithm algorithm) {
  port_ = FreeUdpPort();
  log_path_ = dir.File("kamailio-" + std::to_string(port_) + ".log");
  std::vector<std::string> args = {std::string(SB_SOURCE_DIR) + "/scripts/kamailio-for-switchboard",
                                   database, "udp:127.0.0.1:" + std::to_string(port_),
                                   algorithm == Algorithm::kSha256 ? "sha256" : "md5"};
  pid_ = fork();
  if (pid_ == 0) {
    setpgid(0, 0);  // its own group: Kamailio forks workers, all stopped together
    int log = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(log, 1);
    dup2(log, 2);
    auto argv = Argv(args);
    execv(argv[0], argv.data());
    _exit(127);
  }
  SipClient probe("127.0.0.1", port_);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (probe.Options(200).status != 200) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_ || std::chrono::steady_clock::now() > deadline) {
      pid_ = -1;
      throw std::runtime_error("kamailio did not start: " + Log());
    }
  }
}

KamailioProcess::~KamailioProcess() {
  if (pid_ <= 0)
    return;
  kill(-pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

}  // namespace sb::testing
