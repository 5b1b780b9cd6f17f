// The Authorization header: parsing "Basic base64(user:password)" never crashes, and what it
// returns is the header's own content: the user holds no colon, and both fit in the header.
#include <cstdint>
#include <string>

#include "auth/authenticator.h"
#include "domain/encoding.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);
  auto credentials = sb::ParseBasicAuthorization(header);
  if (!credentials)
    return 0;
  FUZZ_CHECK(credentials->user.find(':') == std::string::npos);
  FUZZ_CHECK(credentials->user.size() + credentials->password.size() < size);
  return 0;
}
