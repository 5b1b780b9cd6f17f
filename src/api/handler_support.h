#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_context.h"
#include "api/json_body.h"
#include "api/json_writer.h"
#include "api/list_params.h"
#include "api/request_auth.h"
#include "http/router.h"

namespace sb::api {

// A route handler after authentication: returns the response, or an error that the wrapper
// renders in the surface's shape. Keeps each handler to parse, call the service, render.
using AuthedHandler = std::function<Result<http::Response>(
    const Caller& caller, const http::Request& request, const http::PathParams& params)>;

// Authenticates and checks the scope (401/403 first, before anything else is looked at), then
// runs `handler`, rendering its error for `surface`.
http::Handler Authed(ApiContext& ctx, Surface surface, ScopeRule rule, AuthedHandler handler);

// An AuthedHandler that answers through its ResultReply, exactly once, from any thread.
using ResultReply = std::function<void(Result<http::Response>)>;
using AsyncAuthedHandler = std::function<void(const Caller& caller, const http::Request& request,
                                              const http::PathParams& params, ResultReply reply)>;
http::AsyncHandler AuthedAsync(ApiContext& ctx, Surface surface, ScopeRule rule,
                               AsyncAuthedHandler handler);

// The id in a path's first parameter, canonical; kNotFound when it cannot name any record.
Result<std::string> PathId(const http::PathParams& params, std::size_t index = 0);

// The request's body as a JSON object, or its query string as list parameters.
Result<ListParams> RequestListParams(const http::Request& request);

// A list body {"links": {self, first, next?, prev?}, "data": [...]} whose links point at the
// request's own path; `data` is the serialised array; `first_id`/`last_id` are the sort keys of
// the page's first and last rows.
http::Response ListResponse(const ApiContext& ctx, const http::Request& request,
                            const ListParams& params, std::string_view data,
                            const std::optional<std::string>& first_id,
                            const std::optional<std::string>& last_id, bool has_older,
                            const std::vector<std::pair<std::string, std::string>>& extra = {});

inline http::Response JsonResponse(int status, const Json& body) {
  return http::Response::Json(status, body.dump());
}

}  // namespace sb::api
