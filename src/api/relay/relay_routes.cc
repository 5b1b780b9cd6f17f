#include "api/relay/relay_routes.h"

#include "api/endpoint_routes.h"
#include "api/relay/relay_endpoint_json.h"

namespace sb::api {

void AddRelayEndpointRoutes(http::Router& router, ApiContext& ctx) {
  EndpointSurface relay{Surface::kRelay, &WriteRelayEndpointFields, {}};
  AddEndpointRoutes(router, ctx, "/api/relay/rest/endpoints/sip", relay);
  AddEndpointRoutes(router, ctx, "/api/relay/rest/sip_endpoints", relay);  // the older alias
}

}  // namespace sb::api
