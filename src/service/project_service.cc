#include "service/project_service.h"

#include <array>
#include <cctype>

#include "auth/authenticator.h"
#include "auth/token_secret.h"
#include "domain/encoding.h"
#include "domain/sip_profile_rules.h"

namespace sb {
namespace {

// "Acme Corp" -> "acme-corp": a readable first part for a generated domain identifier.
std::string Slug(const std::string& name) {
  std::string out;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 40);
}

}  // namespace

Result<Project> ProjectService::CreateProject(const std::string& name,
                                              const std::string& domain_identifier) {
  if (name.empty() || name.size() > 255) {
    return Fail(
        Error::Invalid("invalid_parameter", "name", "name must be between 1 and 255 characters"));
  }
  std::string identifier = domain_identifier;
  if (identifier.empty()) {
    std::array<std::uint8_t, 3> suffix;
    random_.Fill(suffix);
    std::string slug = Slug(name);
    identifier = (slug.empty() ? "project" : slug) + "-" + HexEncode(suffix);
  }
  if (!IsDomainIdentifier(identifier)) {
    return Fail(Error::Invalid("invalid_parameter", "domain_identifier",
                               "domain_identifier must be a DNS label: 1 to 63 of a-z, 0-9 "
                               "and -, not starting or ending with -"));
  }
  Project project{ids_.NewId(), name, NewProjectProfile(identifier), clock_.Now()};
  if (auto created = projects_.CreateProject(project); !created) {
    if (created.error().code == ErrorCode::kAlreadyExists) {
      return Fail(Error::Invalid("not_unique_within_project", "domain_identifier",
                                 "domain_identifier is already used by another project"));
    }
    return Fail(created.error());
  }
  return project;
}

Result<std::vector<Project>> ProjectService::ListProjects() { return projects_.ListProjects(); }

Result<Project> ProjectService::GetProject(const std::string& project_id) {
  return projects_.GetProject(project_id);
}

Result<IssuedToken> ProjectService::CreateToken(const std::string& project_id,
                                                const std::string& name,
                                                std::vector<std::string> scopes) {
  if (auto project = projects_.GetProject(project_id); !project)
    return Fail(project.error());
  if (scopes.empty())
    scopes = AllScopes();
  for (const auto& scope : scopes) {
    if (!IsKnownScope(scope)) {
      return Fail(Error::Invalid("invalid_parameter", "scopes",
                                 "scopes must be among: voice, messaging, fax, video"));
    }
  }
  IssuedToken issued{{ids_.NewId(), project_id, name, std::move(scopes), clock_.Now(), {}},
                     NewTokenSecret(random_)};
  if (auto stored = projects_.CreateToken(issued.token, HashTokenSecret(issued.secret)); !stored) {
    return Fail(stored.error());
  }
  return issued;
}

Result<std::vector<ApiToken>> ProjectService::ListTokens(const std::string& project_id) {
  if (auto project = projects_.GetProject(project_id); !project)
    return Fail(project.error());
  return projects_.ListTokens(project_id);
}

Result<void> ProjectService::RevokeToken(const std::string& project_id,
                                         const std::string& token_id) {
  return projects_.RevokeToken(project_id, token_id, clock_.Now());
}

Result<std::optional<Bootstrap>> ProjectService::BootstrapIfEmpty() {
  auto empty = projects_.IsEmpty();
  if (!empty)
    return Fail(empty.error());
  if (!*empty)
    return std::optional<Bootstrap>();
  auto project = CreateProject("default", "");
  if (!project)
    return Fail(project.error());
  auto token = CreateToken(project->id, "bootstrap", {});
  if (!token)
    return Fail(token.error());
  return std::optional<Bootstrap>(Bootstrap{std::move(*project), std::move(*token)});
}

}  // namespace sb
