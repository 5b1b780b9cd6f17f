#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace sb::api {

// GET and PUT /api/relay/rest/sip_profile (CONTRACT 10).
void AddSipProfileRoutes(http::Router& router, ApiContext& context);

}  // namespace sb::api
