// A PUT body for the Relay SIP profile: parsing, decoding and the profile rules. Invariants: no
// crash; an accepted profile keeps a valid domain identifier and non-empty default lists.
#include <cstdint>
#include <string>

#include "api/json_body.h"
#include "api/relay/sip_profile_routes.h"
#include "domain/sip_profile.h"
#include "domain/sip_profile_rules.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sb;
  auto body = api::ParseJsonObject(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body)
    return 0;
  auto profile = ApplySipProfilePatch(NewProjectProfile("fuzz"), api::DecodeProfilePatch(*body));
  if (!profile) {
    FUZZ_CHECK(!profile.error().fields.empty());
    return 0;
  }
  FUZZ_CHECK(IsDomainIdentifier(profile->domain_identifier));
  FUZZ_CHECK(!profile->default_codecs.empty() && !profile->default_ciphers.empty());
  return 0;
}
