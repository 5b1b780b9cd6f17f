#pragma once

#include "domain/endpoint_rules.h"
#include "domain/error.h"
#include "http/message.h"

namespace sb::api {

// The HTTP status of each error code (CONTRACT 8). The one place that maps codes to statuses.
int StatusFor(ErrorCode code);

// An error in the surface's shape: 400 and 422 carry the surface's error list (Relay:
// detail/status/title/code/attribute; Fabric: type/code/message/attribute/url), every other
// status the plain {"error": "<reason>"} body. The internal text goes to log_note only.
http::Response ErrorResponse(const Error& error, Surface surface);

// The plain body for `status` (401 adds WWW-Authenticate): for errors that have no fields.
http::Response StatusResponse(int status);

}  // namespace sb::api
