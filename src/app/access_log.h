#pragma once

#include "app/metrics.h"
#include "http/server.h"

namespace sb {

// Wraps a handler so that each request leaves one line in the access log: request id, method,
// path (without the query), route, status, duration and client address, and an error's internal
// text when there is one. Never a header but the request id, never a body: no secret reaches it.
//
// The request id is the client's X-Request-Id when it is a short token of safe characters
// (1-128 of A-Z a-z 0-9 and -_.:+/=@), else a new random one; the response echoes it.
http::AsyncRequestHandler WithAccessLog(http::AsyncRequestHandler next, bool json);

// Wraps a handler so that each request is counted in `metrics` by method, route and status.
http::AsyncRequestHandler WithMetrics(http::AsyncRequestHandler next, Metrics& metrics);

// Whether `id` is acceptable as a request id (see WithAccessLog).
bool IsSafeRequestId(std::string_view id);

}  // namespace sb
