#include "service/profile_service.h"

#include "domain/digest.h"

namespace sb {

Result<ProfileView> ProfileService::Get(const std::string& project_id) {
  auto project = projects_.GetProject(project_id);
  if (!project)
    return Fail(project.error());
  return ProfileView{project->profile, SipDomain(project->profile, domain_suffix_)};
}

Result<ProfileView> ProfileService::Update(const std::string& project_id,
                                           const SipProfilePatch& patch) {
  auto updated = projects_.UpdateProfile(
      project_id, [&](const SipProfile& current) { return ApplySipProfilePatch(current, patch); },
      [&](const StoredEndpoint& e, const std::string& identifier) -> Result<SipCredentials> {
        auto password =
            sealer_.Open(e.credentials.sealed_password, e.credentials.key_id, e.endpoint.id);
        if (!password)
          return Fail(password.error());
        return DeriveDigests(e.endpoint.username, identifier + "." + domain_suffix_, *password);
      });
  if (!updated) {
    if (updated.error().code == ErrorCode::kAlreadyExists) {
      return Fail(Error::Invalid("not_unique_within_project", "domain_identifier",
                                 "domain_identifier is already used by another project"));
    }
    return Fail(updated.error());
  }
  return ProfileView{*updated, SipDomain(*updated, domain_suffix_)};
}

Result<void> ProfileService::RecordDomainSuffix() {
  return projects_.SetSipDomainSuffix(
      domain_suffix_, [this](const StoredEndpoint& e, const std::string& identifier) {
        return Rederive(e, identifier);
      });
}

Result<SipCredentials> ProfileService::Rederive(const StoredEndpoint& e,
                                                const std::string& domain_identifier) const {
  auto password = sealer_.Open(e.credentials.sealed_password, e.credentials.key_id, e.endpoint.id);
  if (!password)
    return Fail(password.error());
  return DeriveDigests(e.endpoint.username, domain_identifier + "." + domain_suffix_, *password);
}

}  // namespace sb
