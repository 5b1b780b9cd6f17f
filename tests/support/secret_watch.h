#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sb::testing {

// Every secret the tests have sent to a server (SIP passwords in request bodies, Basic-auth
// passwords, tokens), so that what comes back can be scanned for them: every response body as it
// arrives, and a server's log and store files when its test ends. Thread-safe, process-wide.
class SecretWatch {
 public:
  // Remembers `secret` when it is long enough to be unmistakable (8 bytes and more).
  static void Remember(std::string_view secret);
  // Remembers the string values of "password" keys anywhere in a JSON request body.
  static void RememberFromJsonBody(std::string_view body);
  // Records a response body that contains a remembered secret.
  static void CheckResponse(std::string_view where, std::string_view body);

  // The remembered secrets found in `haystack` (empty when none).
  static std::vector<std::string> FoundIn(std::string_view haystack);
  // Descriptions of the responses that carried a secret, since the start.
  static std::vector<std::string> LeakingResponses();
};

}  // namespace sb::testing
