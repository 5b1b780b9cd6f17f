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

InheritedView ViewInherited(const SipEndpoint& endpoint, const SipProfile& profile) {
  static const std::string kRandom = "random";  // send_as when neither sets one
  const std::string& send_as = endpoint.send_as          ? *endpoint.send_as
                               : profile.default_send_as ? *profile.default_send_as
                                                         : kRandom;
  return {send_as, endpoint.ciphers.empty() ? profile.default_ciphers : endpoint.ciphers,
          endpoint.codecs.empty() ? profile.default_codecs : endpoint.codecs};
}

SipEndpoint ResolveInherited(SipEndpoint endpoint, const SipProfile& profile) {
  // Each setting that is copied is one the endpoint leaves unset, so its view points at the
  // profile (or the default), never at the member being assigned.
  auto shown = ViewInherited(endpoint, profile);
  if (!endpoint.send_as)
    endpoint.send_as = shown.send_as;
  if (endpoint.ciphers.empty())
    endpoint.ciphers = shown.ciphers;
  if (endpoint.codecs.empty())
    endpoint.codecs = shown.codecs;
  return endpoint;
}

}  // namespace sb
