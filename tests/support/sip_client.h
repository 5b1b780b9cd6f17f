#pragma once

#include <map>
#include <string>

namespace sb::testing {

struct SipResponse {
  int status = 0;                              // 0: no answer in time
  std::map<std::string, std::string> headers;  // names in lower case, first of each
};

// A minimal SIP user agent over UDP on loopback, for what SIPp 3.6 (Debian bookworm's) cannot
// do: SHA-256 digests (RFC 8760; SIPp gained them in 3.7), and readiness probes.
class SipClient {
 public:
  SipClient(std::string server_host, int server_port);
  ~SipClient();
  SipClient(const SipClient&) = delete;
  SipClient& operator=(const SipClient&) = delete;

  // OPTIONS to the server: 200 when it is up.
  SipResponse Options(int timeout_ms = 500);

  // REGISTER user@domain, answering one challenge with the digest of `password` (MD5 or
  // SHA-256, as the challenge asks). Returns the final response; the challenge's
  // WWW-Authenticate is kept in last_challenge().
  SipResponse Register(const std::string& user, const std::string& domain,
                       const std::string& password, int expires = 60);
  const std::string& last_challenge() const { return last_challenge_; }

 private:
  SipResponse Exchange(const std::string& request, int timeout_ms);
  std::string NewToken();

  int socket_ = -1;
  int local_port_ = 0;
  int counter_ = 0;
  std::string last_challenge_;
};

}  // namespace sb::testing
