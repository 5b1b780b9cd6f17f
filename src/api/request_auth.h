#pragma once

#include <string>

#include "api/api_context.h"
#include "http/message.h"

namespace sb::api {

// Which scopes a route needs (CONTRACT 2).
enum class ScopeRule {
  kVoice,     // SIP endpoint and SIP profile routes
  kAnyScope,  // Fabric routes: any of voice, messaging, fax, video
};

// Authenticates the request and checks the scope: kUnauthenticated (401), kPermissionDenied
// (403), or kUnavailable when the store cannot be asked.
Result<Caller> Authorize(const ApiContext& context, const http::Request& request, ScopeRule rule);

// The absolute URL of `path` as the client reached it (CONTRACT 7): the configured public base
// URL, else http or https and the request's Host header when it is a plausible host name.
std::string AbsoluteUrl(const ApiOptions& options, const http::Request& request,
                        const std::string& path);

}  // namespace sb::api
