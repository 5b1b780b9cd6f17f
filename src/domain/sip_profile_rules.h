#pragma once

#include <string>
#include <vector>

#include "domain/endpoint_patch.h"
#include "domain/error.h"
#include "domain/sip_profile.h"

namespace sb {

// A `PUT /api/relay/rest/sip_profile` body, decoded but not validated. `domain` is read-only.
struct SipProfilePatch {
  PatchField<std::string> domain_identifier;
  PatchField<std::vector<std::string>> default_codecs;
  PatchField<std::vector<std::string>> default_ciphers;
  PatchField<std::string> default_encryption;
  PatchField<std::string> default_send_as;
  PatchField<std::string> default_outbound_policy;
  std::vector<FieldError> decode_errors;
};

// Merges `patch` into `profile` (CONTRACT 10), with every field error at once. Lists must name
// known values and may not be empty (an endpoint that inherits needs something to inherit);
// null returns a field to the new-project default.
Result<SipProfile> ApplySipProfilePatch(SipProfile profile, const SipProfilePatch& patch);

// A DNS label: 1 to 63 of a-z, 0-9 and '-', not starting or ending with '-'.
bool IsDomainIdentifier(const std::string& text);

}  // namespace sb
