#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace sb::api {

// The Fabric SIP credential routes (CONTRACT 1, 6): /api/fabric/resources/sip_endpoints, its
// addresses, and assignment of a resource as an endpoint's handler.
void AddFabricEndpointRoutes(http::Router& router, ApiContext& context);

// The resource registry and SWML webhook routes: /api/fabric/resources[/{id}] and
// /api/fabric/resources/swml_webhooks.
void AddFabricResourceRoutes(http::Router& router, ApiContext& context);

}  // namespace sb::api
