#include "api/handler_support.h"

#include "api/error_response.h"
#include "api/json_writer.h"
#include "domain/ids.h"

namespace sb::api {
namespace {

std::string WithoutTrailingSlash(std::string path) {
  if (path.size() > 1 && path.back() == '/')
    path.pop_back();
  return path;
}

}  // namespace

http::Handler Authed(ApiContext& ctx, Surface surface, ScopeRule rule, AuthedHandler handler) {
  return [&ctx, surface, rule, handler = std::move(handler)](const http::Request& request,
                                                             const http::PathParams& params) {
    auto caller = Authorize(ctx, request, rule);
    if (!caller)
      return ErrorResponse(caller.error(), surface);
    auto response = handler(*caller, request, params);
    if (!response)
      return ErrorResponse(response.error(), surface);
    return std::move(*response);
  };
}

http::AsyncHandler AuthedAsync(ApiContext& ctx, Surface surface, ScopeRule rule,
                               AsyncAuthedHandler handler) {
  return [&ctx, surface, rule, handler = std::move(handler)](
             const http::Request& request, http::PathParams params, http::Reply reply) {
    auto caller = Authorize(ctx, request, rule);
    if (!caller)
      return reply(ErrorResponse(caller.error(), surface));
    handler(*caller, request, params,
            [surface, reply = std::move(reply)](Result<http::Response> response) {
              if (!response)
                return reply(ErrorResponse(response.error(), surface));
              reply(std::move(*response));
            });
  };
}

Result<std::string> PathId(const http::PathParams& params, std::size_t index) {
  if (params.size() <= index || !IsUuid(params[index]))
    return Fail(Error::NotFound());
  return CanonicalUuid(params[index]);
}

Result<ListParams> RequestListParams(const http::Request& request) {
  auto query = ParseQuery(request.query);
  if (!query)
    return Fail(query.error());
  return ParseListParams(*query);
}

http::Response ListResponse(const ApiContext& ctx, const http::Request& request,
                            const ListParams& params, std::string_view data,
                            const std::optional<std::string>& first_id,
                            const std::optional<std::string>& last_id, bool has_older,
                            const std::vector<std::pair<std::string, std::string>>& extra) {
  auto links = BuildPageLinks(AbsoluteUrl(ctx.options, request, WithoutTrailingSlash(request.path)),
                              params, first_id, last_id, has_older, extra);
  std::string body;
  body.reserve(data.size() + 512);
  JsonWriter w(body);
  w.BeginObject();
  w.Key("links");
  w.BeginObject();
  w.Key("self");
  w.String(links.self);
  w.Key("first");
  w.String(links.first);
  if (links.next) {
    w.Key("next");
    w.String(*links.next);
  }
  if (links.prev) {
    w.Key("prev");
    w.String(*links.prev);
  }
  w.EndObject();
  w.Key("data");
  w.Raw(data);
  w.EndObject();
  return http::Response::Json(200, std::move(body));
}

}  // namespace sb::api
