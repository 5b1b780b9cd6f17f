#pragma once

#include "http/server.h"

namespace sb {

// Wraps a handler so that each request leaves one log line: method, path (without the query),
// status, duration and client address; an error's internal text when there is one. Never a
// header, so never the Authorization header, and never a body.
http::RequestHandler WithAccessLog(http::RequestHandler next);

}  // namespace sb
