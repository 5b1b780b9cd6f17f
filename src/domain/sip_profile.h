#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/sip_endpoint.h"

namespace sb {

// A project's SIP defaults (CONTRACT 10). Endpoints that leave a setting unset inherit it.
struct SipProfile {
  std::string domain_identifier;  // the first label of the project's SIP domain; unique
  std::vector<std::string> default_codecs;
  std::vector<std::string> default_ciphers;
  std::string default_encryption = "optional";          // "required" or "optional"
  std::optional<std::string> default_send_as;           // E.164, or nullopt meaning random
  std::string default_outbound_policy = "passthrough";  // or "block-pstn"

  bool operator==(const SipProfile&) const = default;
};

// The defaults of a new project.
SipProfile NewProjectProfile(std::string domain_identifier);

// The project's SIP domain and digest realm: `<domain_identifier>.<suffix>`.
std::string SipDomain(const SipProfile& profile, const std::string& domain_suffix);

// The endpoint as clients see it: an unset send_as, or an empty cipher or codec list, replaced
// by the profile's current value (CONTRACT 3), so a profile change shows at once in every
// endpoint that inherits it.
SipEndpoint ResolveInherited(SipEndpoint endpoint, const SipProfile& profile);

// The same values without copying: references to the endpoint's own settings or to the
// profile's, valid while both are. Renderers of many endpoints use it: copying the profile's
// codec and cipher lists into every endpoint of a page took seven allocations an endpoint.
struct InheritedView {
  const std::string& send_as;
  const std::vector<std::string>& ciphers;
  const std::vector<std::string>& codecs;
};
InheritedView ViewInherited(const SipEndpoint& endpoint, const SipProfile& profile);

}  // namespace sb
