#pragma once

#include <cstddef>
#include <string_view>

#include "domain/endpoint_patch.h"
#include "domain/error.h"
#include "domain/sip_endpoint.h"

namespace sb {

// Which API a write came through: the Fabric surface may set only four call handlers, and its
// create does not require a password.
enum class Surface { kRelay, kFabric };
enum class WriteKind { kCreate, kUpdate };

struct EndpointRules {
  std::size_t min_password_length = 8;  // a server setting (CONTRACT 3)
};

// Applies `patch` to `endpoint` (a default record on create) under CONTRACT 3 and 4, returning the
// new record or every field error at once. Ids, project and times are left to the caller; the
// password is checked here but stored by the caller (it never enters a SipEndpoint). Whether
// `calling_handler_resource_id` names a real resource needs the store, so the service checks it.
Result<SipEndpoint> ApplyEndpointPatch(SipEndpoint endpoint, const EndpointPatch& patch,
                                       WriteKind kind, Surface surface, const EndpointRules& rules);

// Individual rules, shared with the SIP profile and used by tests. Each returns the sentence to
// report, or an empty string when the value is fine.
std::string CheckUsername(std::string_view username);
std::string CheckPassword(std::string_view password, std::size_t min_length);
bool IsE164(std::string_view number);
bool IsHttpUrl(std::string_view url);
bool HasControlCharacter(std::string_view text);
std::size_t Utf8Length(std::string_view text);

}  // namespace sb
