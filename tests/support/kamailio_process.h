#pragma once

#include <string>

#include <sys/types.h>

#include "support/temp_dir.h"

namespace sb::testing {

// Kamailio (deploy/kamailio/kamailio.cfg, through scripts/kamailio-for-switchboard) as the
// registrar of a switchboard database, on a free UDP port on loopback; ready when it answers
// OPTIONS. Stopped (SIGTERM) on destruction.
class KamailioProcess {
 public:
  enum class Algorithm { kMd5, kSha256 };
  KamailioProcess(const TempDir& dir, const std::string& database, Algorithm algorithm);
  ~KamailioProcess();
  KamailioProcess(const KamailioProcess&) = delete;
  KamailioProcess& operator=(const KamailioProcess&) = delete;

  int port() const { return port_; }
  std::string Log() const { return ReadFile(log_path_); }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

// A free UDP port on loopback (for SIPp's own socket).
int FreeUdpPort();

}  // namespace sb::testing
