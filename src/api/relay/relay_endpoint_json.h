#pragma once

#include "api/json_body.h"
#include "domain/sip_endpoint.h"

namespace sb::api {

// The Relay representation of an endpoint (CONTRACT 5): every key, in the contract's order,
// nullable ones as null. Nothing derived from the password. `endpoint` has its inherited
// settings resolved already.
Json RelayEndpointJson(const SipEndpoint& endpoint);

}  // namespace sb::api
