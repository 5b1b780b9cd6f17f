// Page tokens as clients send them back: decoding never crashes, and a decoded token encodes to
// the same text (so no two texts name one position, and a token cannot smuggle extra bytes).
#include <cstdint>
#include <string>

#include "domain/page_token.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto token = sb::DecodePageToken(text);
  if (!token)
    return 0;
  FUZZ_CHECK(sb::EncodePageToken(*token) == text);
  FUZZ_CHECK(sb::DecodePageToken(sb::EncodePageToken(*token)) == token);
  return 0;
}
