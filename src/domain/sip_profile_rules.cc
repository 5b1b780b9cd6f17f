#include "domain/sip_profile_rules.h"

#include <algorithm>

#include "domain/endpoint_rules.h"
#include "domain/media_options.h"

namespace sb {
namespace {

void ApplyList(const char* name, const PatchField<std::vector<std::string>>& f,
               std::span<const std::string_view> allowed, const std::vector<std::string>& fallback,
               std::vector<std::string>& out, std::vector<FieldError>& errors) {
  if (!f.present)
    return;
  if (!f.value) {
    out = fallback;
    return;
  }
  if (f.value->empty()) {
    errors.push_back({"missing_sip_configuration", name,
                      std::string(name) + " requires at least one selection"});
    return;
  }
  for (const auto& v : *f.value) {
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
      errors.push_back({"list_contains_invalid_entries", name,
                        std::string(name) + " contains an unknown value: " + v});
      return;
    }
  }
  out = WithoutDuplicates(*f.value);
}

bool Has(const std::vector<FieldError>& errors, std::string_view attribute) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& e) { return e.attribute == attribute; });
}

}  // namespace

bool IsDomainIdentifier(const std::string& text) {
  if (text.empty() || text.size() > 63 || text.front() == '-' || text.back() == '-')
    return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Result<SipProfile> ApplySipProfilePatch(SipProfile p, const SipProfilePatch& patch) {
  std::vector<FieldError> errors = patch.decode_errors;
  const SipProfile defaults = NewProjectProfile(p.domain_identifier);
  if (patch.domain_identifier.present && !Has(errors, "domain_identifier")) {
    const auto& v = patch.domain_identifier.value;
    if (!v || !IsDomainIdentifier(*v)) {
      errors.push_back({"invalid_parameter", "domain_identifier",
                        "domain_identifier must be a DNS label: 1 to 63 of a-z, 0-9 and -, not "
                        "starting or ending with -"});
    } else {
      p.domain_identifier = *v;
    }
  }
  if (!Has(errors, "default_codecs")) {
    ApplyList("default_codecs", patch.default_codecs, KnownCodecs(), defaults.default_codecs,
              p.default_codecs, errors);
  }
  if (!Has(errors, "default_ciphers")) {
    ApplyList("default_ciphers", patch.default_ciphers, KnownCiphers(), defaults.default_ciphers,
              p.default_ciphers, errors);
  }
  if (patch.default_encryption.present && !Has(errors, "default_encryption")) {
    const auto& v = patch.default_encryption.value;
    if (!v) {
      p.default_encryption = defaults.default_encryption;
    } else if (*v == "required" || *v == "optional") {
      p.default_encryption = *v;
    } else {
      errors.push_back({"invalid_parameter", "default_encryption",
                        "default_encryption must be one of: required, optional"});
    }
  }
  if (patch.default_send_as.present && !Has(errors, "default_send_as")) {
    const auto& v = patch.default_send_as.value;
    if (!v || v->empty() || *v == "random") {
      p.default_send_as.reset();
    } else if (IsE164(*v)) {
      p.default_send_as = *v;
    } else {
      errors.push_back({"send_as_is_invalid", "default_send_as",
                        "default_send_as must be an E.164 number such as +15551234567, or null"});
    }
  }
  if (patch.default_outbound_policy.present && !Has(errors, "default_outbound_policy")) {
    const auto& v = patch.default_outbound_policy.value;
    if (!v) {
      p.default_outbound_policy = defaults.default_outbound_policy;
    } else if (*v == "passthrough" || *v == "block-pstn") {
      p.default_outbound_policy = *v;
    } else {
      errors.push_back({"invalid_parameter", "default_outbound_policy",
                        "default_outbound_policy must be one of: passthrough, block-pstn"});
    }
  }
  if (!errors.empty())
    return Fail(Error::Validation(std::move(errors)));
  return p;
}

}  // namespace sb
