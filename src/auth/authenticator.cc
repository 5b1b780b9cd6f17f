#include "auth/authenticator.h"

#include <algorithm>

#include <openssl/crypto.h>
#include <strings.h>

#include "auth/token_secret.h"
#include "domain/encoding.h"
#include "domain/ids.h"

namespace sb {
namespace {

constexpr std::string_view kScopes[] = {"voice", "messaging", "fax", "video"};

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

bool Caller::HasAnyScope(std::initializer_list<std::string_view> wanted) const {
  return std::any_of(scopes.begin(), scopes.end(), [&](const std::string& s) {
    return std::find(wanted.begin(), wanted.end(), s) != wanted.end();
  });
}

std::vector<std::string> AllScopes() { return {std::begin(kScopes), std::end(kScopes)}; }

bool IsKnownScope(std::string_view scope) {
  return std::find(std::begin(kScopes), std::end(kScopes), scope) != std::end(kScopes);
}

std::optional<BasicCredentials> ParseBasicAuthorization(std::string_view header) {
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  if (header.size() < 6 || strncasecmp(header.data(), "basic ", 6) != 0)
    return std::nullopt;
  header.remove_prefix(6);
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
  auto decoded = Base64Decode(header);
  if (!decoded)
    return std::nullopt;
  auto colon = decoded->find(':');
  if (colon == std::string::npos)
    return std::nullopt;
  return BasicCredentials{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

Result<ApiToken> Authenticator::FindToken(const std::string& secret_hash) const {
  if (cache_) {
    if (auto cached = cache_->Find(secret_hash))
      return std::move(*cached);
  }
  auto match = projects_.FindToken(secret_hash);
  if (!match)
    return Fail(match.error());
  if (cache_)
    cache_->Remember(secret_hash, match->token);
  return std::move(match->token);
}

Result<Caller> Authenticator::Authenticate(std::string_view authorization) const {
  return Authenticate(ParseBasicAuthorization(authorization));
}

Result<Caller> Authenticator::Authenticate(
    const std::optional<BasicCredentials>& credentials) const {
  if (!credentials || credentials->password.empty())
    return Fail(Error::Unauthenticated());
  // Hash and look up even when the project id is malformed, so that every failure costs the same.
  auto token = FindToken(HashTokenSecret(credentials->password));
  if (!token) {
    if (token.error().code == ErrorCode::kNotFound)
      return Fail(Error::Unauthenticated());
    return Fail(token.error());  // the store is down: 503, not 401
  }
  std::string project_id =
      IsUuid(credentials->user) ? CanonicalUuid(credentials->user) : credentials->user;
  if (!ConstantTimeEquals(project_id, token->project_id)) {
    return Fail(Error::Unauthenticated());
  }
  return Caller{std::move(token->project_id), std::move(token->scopes)};
}

}  // namespace sb
