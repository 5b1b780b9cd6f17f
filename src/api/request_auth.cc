#include "api/request_auth.h"

#include <algorithm>
#include <cctype>

namespace sb::api {
namespace {

// Host names, IPv4 and bracketed IPv6 literals, with an optional port. The Host header is echoed
// into links, so anything else is replaced rather than reflected.
bool IsPlausibleHost(std::string_view host) {
  if (host.empty() || host.size() > 255)
    return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x80 && std::isalnum(u)) || c == '.' || c == '-' || c == ':' || c == '[' ||
           c == ']' || c == '_';
  });
}

}  // namespace

Result<Caller> Authorize(const ApiContext& context, const http::Request& request, ScopeRule rule) {
  std::string_view authorization = request.Header("Authorization");
  // The throttle keys on the project id as sent; a request without Basic credentials counts
  // against its address alone (an empty project key is shared by all such requests).
  auto credentials = ParseBasicAuthorization(authorization);
  std::string project;
  if (context.throttle) {
    project = credentials ? credentials->user : std::string();
    if (auto wait = context.throttle->RetryAfter(request.remote_address, project)) {
      return Fail(Error::RateLimited(*wait, "too many failed authentications; not checked"));
    }
  }
  auto caller = context.authenticator.Authenticate(credentials);
  if (context.throttle) {
    if (caller) {
      context.throttle->RecordSuccess(request.remote_address, project);
    } else if (caller.error().code == ErrorCode::kUnauthenticated) {
      context.throttle->RecordFailure(request.remote_address, project);
    }
  }
  if (!caller)
    return caller;
  bool allowed = rule == ScopeRule::kVoice
                     ? caller->HasAnyScope({"voice"})
                     : caller->HasAnyScope({"voice", "messaging", "fax", "video"});
  if (!allowed)
    return Fail(Error::PermissionDenied());
  return caller;
}

std::string AbsoluteUrl(const ApiOptions& options, const http::Request& request,
                        const std::string& path) {
  if (!options.public_base_url.empty()) {
    std::string base = options.public_base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + path;
  }
  std::string scheme = request.tls || options.behind_tls_proxy ? "https" : "http";
  std::string_view host = request.Header("Host");
  if (!IsPlausibleHost(host))
    host = options.fallback_host;
  return scheme + "://" + std::string(host) + path;
}

}  // namespace sb::api
