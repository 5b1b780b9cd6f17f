#include "domain/sip_profile.h"

#include "domain/media_options.h"

namespace sb {

SipProfile NewProjectProfile(std::string domain_identifier) {
  SipProfile profile;
  profile.domain_identifier = std::move(domain_identifier);
  profile.default_codecs = {"OPUS", "G722", "PCMU", "PCMA", "G729", "VP8", "H264"};
  profile.default_ciphers.assign(KnownCiphers().begin(), KnownCiphers().end());
  return profile;
}

std::string SipDomain(const SipProfile& profile, const std::string& domain_suffix) {
  return profile.domain_identifier + "." + domain_suffix;
}

SipEndpoint ResolveInherited(SipEndpoint endpoint, const SipProfile& profile) {
  if (!endpoint.send_as)
    endpoint.send_as = profile.default_send_as.value_or("random");
  if (endpoint.ciphers.empty())
    endpoint.ciphers = profile.default_ciphers;
  if (endpoint.codecs.empty())
    endpoint.codecs = profile.default_codecs;
  return endpoint;
}

}  // namespace sb
