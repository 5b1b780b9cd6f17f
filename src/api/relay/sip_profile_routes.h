#pragma once

#include "api/api_context.h"
#include "api/json_body.h"
#include "domain/sip_profile_rules.h"
#include "http/router.h"

namespace sb::api {

// Reads a PUT body into a patch, checking JSON types only (wrong types land in decode_errors).
SipProfilePatch DecodeProfilePatch(const Json& object);

// GET and PUT /api/relay/rest/sip_profile (CONTRACT 10).
void AddSipProfileRoutes(http::Router& router, ApiContext& context);

}  // namespace sb::api
