#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/token_cache.h"
#include "domain/error.h"
#include "storage/project_store.h"

namespace sb {

// Who is calling: the project a request acts for and the scopes its token grants.
struct Caller {
  std::string project_id;
  std::vector<std::string> scopes;

  bool HasAnyScope(std::initializer_list<std::string_view> wanted) const;
};

// The scopes of CONTRACT 2.
inline constexpr std::string_view kScopeVoice = "voice";
std::vector<std::string> AllScopes();
bool IsKnownScope(std::string_view scope);

// Splits "Basic base64(user:password)"; nullopt when the header is not well-formed Basic.
struct BasicCredentials {
  std::string user;
  std::string password;
};
std::optional<BasicCredentials> ParseBasicAuthorization(std::string_view header);

// Checks HTTP Basic credentials (user = project id, password = API token) against the store.
// An unknown project, an unknown or revoked token, and a token of another project all answer
// kUnauthenticated alike, and each costs one hashed lookup, so none can be told apart.
// With a TokenCache, a token that authenticated recently is taken from it instead of the store
// (the project id is still compared); failures always reach the store. Thread-safe.
class Authenticator {
 public:
  explicit Authenticator(ProjectStore& projects, TokenCache* cache = nullptr)
      : projects_(projects), cache_(cache) {}

  // `authorization` is the raw Authorization header (may be empty).
  Result<Caller> Authenticate(std::string_view authorization) const;
  // The same for credentials already parsed from it (nullopt when they could not be).
  Result<Caller> Authenticate(const std::optional<BasicCredentials>& credentials) const;

 private:
  // The token whose secret hashes to `secret_hash`: from the cache, else from the store.
  Result<ApiToken> FindToken(const std::string& secret_hash) const;

  ProjectStore& projects_;
  TokenCache* cache_;
};

}  // namespace sb
