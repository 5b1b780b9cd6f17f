#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace sb::api {

// The Relay SIP endpoint routes (CONTRACT 1, 4, 5, 7), under /api/relay/rest/endpoints/sip and
// its older alias /api/relay/rest/sip_endpoints. `context` must outlive the router.
void AddRelayEndpointRoutes(http::Router& router, ApiContext& context);

}  // namespace sb::api
