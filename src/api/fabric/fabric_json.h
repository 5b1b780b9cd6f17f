#pragma once

#include "api/json_body.h"
#include "api/json_writer.h"
#include "domain/sip_endpoint.h"
#include "domain/sip_profile.h"
#include "domain/swml_webhook.h"

namespace sb::api {

// The Fabric representations (CONTRACT 6). Endpoints have their inherited settings resolved.
// The wrapper with `sip_endpoint`: its keys into an open object, or a whole value.
// `inherited`: as for WriteRelayEndpointFields.
void WriteFabricEndpointFields(JsonWriter& w, const SipEndpoint& endpoint,
                               const SipProfile* inherited = nullptr);
void WriteFabricEndpoint(JsonWriter& w, const SipEndpoint& endpoint);
Json FabricEndpointJson(const SipEndpoint& endpoint);
Json FabricAddressJson(const SipEndpoint& endpoint);  // the endpoint's one address
Json SwmlWebhookJson(const SwmlWebhook& webhook);     // the wrapper with `swml_webhook`

// Reads a SWML webhook write, checking JSON types only (as DecodeEndpointPatch).
SwmlWebhookPatch DecodeSwmlWebhookPatch(const Json& object);

}  // namespace sb::api
