#pragma once

#include "api/json_body.h"
#include "domain/sip_endpoint.h"
#include "domain/swml_webhook.h"

namespace sb::api {

// The Fabric representations (CONTRACT 6). Endpoints have their inherited settings resolved.
Json FabricEndpointJson(const SipEndpoint& endpoint);  // the wrapper with `sip_endpoint`
Json FabricAddressJson(const SipEndpoint& endpoint);   // the endpoint's one address
Json SwmlWebhookJson(const SwmlWebhook& webhook);      // the wrapper with `swml_webhook`

// Reads a SWML webhook write, checking JSON types only (as DecodeEndpointPatch).
SwmlWebhookPatch DecodeSwmlWebhookPatch(const Json& object);

}  // namespace sb::api
