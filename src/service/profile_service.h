#pragma once

#include <string>

#include "domain/password_sealer.h"
#include "domain/sip_profile_rules.h"
#include "storage/project_store.h"

namespace sb {

// A project's SIP profile with the domain it makes.
struct ProfileView {
  SipProfile profile;
  std::string domain;  // <domain_identifier>.<suffix>, also the digest realm
};

// The SIP profile use cases (CONTRACT 10). A new domain identifier re-derives every digest of
// the project in the same transaction (CONTRACT 2), from the sealed passwords. Thread-safe.
class ProfileService {
 public:
  ProfileService(ProjectStore& projects, const PasswordSealer& sealer, std::string domain_suffix)
      : projects_(projects), sealer_(sealer), domain_suffix_(std::move(domain_suffix)) {}

  Result<ProfileView> Get(const std::string& project_id);
  // kInvalidArgument with field errors; domain_identifier taken: not_unique_within_project.
  Result<ProfileView> Update(const std::string& project_id, const SipProfilePatch& patch);

  // Records this server's SIP domain suffix in the store, which the registrar's view of the
  // endpoints needs; when it changed since the last start, re-derives every digest.
  Result<void> RecordDomainSuffix();

 private:
  Result<SipCredentials> Rederive(const StoredEndpoint& endpoint,
                                  const std::string& domain_identifier) const;

  ProjectStore& projects_;
  const PasswordSealer& sealer_;
  std::string domain_suffix_;
};

}  // namespace sb
