#pragma once

#include "api/json_body.h"
#include "api/json_writer.h"
#include "domain/sip_endpoint.h"
#include "domain/sip_profile.h"

namespace sb::api {

// The Relay representation of an endpoint (CONTRACT 5): every key, in the contract's order,
// nullable ones as null. Nothing derived from the password. `endpoint` has its inherited
// settings resolved already, or `inherited` is its project's profile to show them from.
// WriteRelayEndpointFields writes the keys into an object the caller has opened (so that
// extensions such as `registrations` can follow).
void WriteRelayEndpointFields(JsonWriter& w, const SipEndpoint& endpoint,
                              const SipProfile* inherited = nullptr);

// The keys both surfaces share, in the contract's order: id, username, caller_id, send_as,
// ciphers, codecs, encryption, call_handler, calling_handler_resource_id (CONTRACT 5 and the
// Fabric `sip_endpoint` object of CONTRACT 6).
void WriteEndpointCoreFields(JsonWriter& w, const SipEndpoint& endpoint,
                             const SipProfile* inherited = nullptr);
void WriteRelayEndpoint(JsonWriter& w, const SipEndpoint& endpoint);

// The same as a JSON value, where speed does not matter.
Json RelayEndpointJson(const SipEndpoint& endpoint);

}  // namespace sb::api
