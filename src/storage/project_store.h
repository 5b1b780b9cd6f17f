#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/project.h"
#include "domain/sip_endpoint.h"

namespace sb {

// An API token found by the hash of the presented secret.
struct TokenMatch {
  ApiToken token;
};

// A token with the SHA-256 of its secret, for copying a store (never for display).
struct StoredToken {
  ApiToken token;
  std::string secret_hash;
};

// Projects, their SIP profiles and their API tokens. Error conventions as in EndpointStore.
// Implementations are thread-safe.
class ProjectStore {
 public:
  virtual ~ProjectStore() = default;

  // kAlreadyExists when the id or the profile's domain_identifier is taken.
  virtual Result<void> CreateProject(const Project& project) = 0;
  virtual Result<Project> GetProject(const std::string& project_id) = 0;  // kNotFound
  virtual Result<std::vector<Project>> ListProjects() = 0;                // oldest first

  // Replaces the project's SIP profile with what `change` returns, in one transaction. When the
  // domain identifier changes, `rederive` is called for every endpoint of the project that has
  // a password and its digests are rewritten in the same transaction (CONTRACT 2), so a phone
  // never sees a half-renamed domain. kAlreadyExists when the new identifier is taken.
  using ProfileChange = std::function<Result<SipProfile>(const SipProfile& current)>;
  using Rederive = std::function<Result<SipCredentials>(const StoredEndpoint& endpoint,
                                                        const std::string& new_domain_identifier)>;
  virtual Result<SipProfile> UpdateProfile(const std::string& project_id,
                                           const ProfileChange& change,
                                           const Rederive& rederive) = 0;

  // Stores a token's description and the SHA-256 of its secret.
  virtual Result<void> CreateToken(const ApiToken& token, const std::string& secret_hash) = 0;
  // The unrevoked token whose secret hashes to `secret_hash`. kNotFound when none.
  virtual Result<TokenMatch> FindToken(const std::string& secret_hash) = 0;
  virtual Result<std::vector<ApiToken>> ListTokens(const std::string& project_id) = 0;
  // The project's tokens with their secret hashes, oldest first: what a store copy needs to keep
  // every token working. Nothing else reads hashes out.
  virtual Result<std::vector<StoredToken>> ExportTokens(const std::string& project_id) = 0;
  // Marks the token revoked at `when`. kNotFound when no such unrevoked token of the project.
  virtual Result<void> RevokeToken(const std::string& project_id, const std::string& token_id,
                                   Micros when) = 0;

  // True when no project exists yet (first start).
  virtual Result<bool> IsEmpty() = 0;

  // Records the server's SIP domain suffix, from which the registrar's realms are made. When it
  // differs from the recorded one, every digest of every project is re-derived (by `rederive`,
  // with the project's domain identifier) in the same transaction.
  virtual Result<void> SetSipDomainSuffix(const std::string& suffix, const Rederive& rederive) = 0;

  // The recorded suffix (SetSipDomainSuffix), or nullopt on a store that never served.
  virtual Result<std::optional<std::string>> SipDomainSuffix() = 0;
  // A round trip to the database, for readiness checks. kUnavailable when it cannot be reached.
  virtual Result<void> Ping() = 0;
};

}  // namespace sb
