#include "api/relay/relay_routes.h"

#include "api/endpoint_codec.h"
#include "api/error_response.h"
#include "api/list_params.h"
#include "api/relay/relay_endpoint_json.h"
#include "api/request_auth.h"
#include "domain/ids.h"

namespace sb::api {
namespace {

constexpr const char* kCollections[] = {"/api/relay/rest/endpoints/sip",
                                        "/api/relay/rest/sip_endpoints"};

http::Response Error(const sb::Error& error) { return ErrorResponse(error, Surface::kRelay); }

http::Response EndpointResponse(int status, const SipEndpoint& endpoint) {
  return http::Response::Json(status, RelayEndpointJson(endpoint).dump());
}

std::string WithoutTrailingSlash(std::string path) {
  if (path.size() > 1 && path.back() == '/')
    path.pop_back();
  return path;
}

// The id in a path, canonical; nullopt when it cannot name any record (answered 404).
std::optional<std::string> PathId(const http::PathParams& params) {
  if (params.empty() || !IsUuid(params[0]))
    return std::nullopt;
  return CanonicalUuid(params[0]);
}

http::Response List(ApiContext& ctx, const http::Request& request) {
  auto caller = Authorize(ctx, request, ScopeRule::kVoice);
  if (!caller)
    return Error(caller.error());
  auto query = ParseQuery(request.query);
  if (!query)
    return Error(query.error());
  auto params = ParseListParams(*query);
  if (!params)
    return Error(params.error());

  EndpointListQuery list{caller->project_id, params->filter_username, params->filter_caller_id,
                         params->page_token, params->page_size};
  auto page = ctx.endpoints.List(list);
  if (!page)
    return Error(page.error());

  Json data = Json::array();
  for (const auto& endpoint : page->endpoints) data.push_back(RelayEndpointJson(endpoint));
  std::optional<std::string> first_id, last_id;
  if (!page->endpoints.empty()) {
    first_id = page->endpoints.front().id;
    last_id = page->endpoints.back().id;
  }
  auto links = BuildPageLinks(AbsoluteUrl(ctx.options, request, WithoutTrailingSlash(request.path)),
                              *params, first_id, last_id, page->has_older);
  Json body;
  body["links"]["self"] = links.self;
  body["links"]["first"] = links.first;
  if (links.next)
    body["links"]["next"] = *links.next;
  if (links.prev)
    body["links"]["prev"] = *links.prev;
  body["data"] = std::move(data);
  return http::Response::Json(200, body.dump());
}

http::Response Create(ApiContext& ctx, const http::Request& request) {
  auto caller = Authorize(ctx, request, ScopeRule::kVoice);
  if (!caller)
    return Error(caller.error());
  auto body = ParseJsonObject(request.body);
  if (!body)
    return Error(body.error());
  auto created =
      ctx.endpoints.Create(caller->project_id, DecodeEndpointPatch(*body), Surface::kRelay);
  if (!created)
    return Error(created.error());
  return EndpointResponse(201, *created);
}

http::Response Get(ApiContext& ctx, const http::Request& request, const http::PathParams& params) {
  auto caller = Authorize(ctx, request, ScopeRule::kVoice);
  if (!caller)
    return Error(caller.error());
  auto id = PathId(params);
  if (!id)
    return StatusResponse(404);
  auto endpoint = ctx.endpoints.Get(caller->project_id, *id);
  if (!endpoint)
    return Error(endpoint.error());
  return EndpointResponse(200, *endpoint);
}

http::Response Update(ApiContext& ctx, const http::Request& request,
                      const http::PathParams& params) {
  auto caller = Authorize(ctx, request, ScopeRule::kVoice);
  if (!caller)
    return Error(caller.error());
  auto id = PathId(params);
  if (!id)
    return StatusResponse(404);
  auto body = ParseJsonObject(request.body);
  if (!body)
    return Error(body.error());
  auto updated =
      ctx.endpoints.Update(caller->project_id, *id, DecodeEndpointPatch(*body), Surface::kRelay);
  if (!updated)
    return Error(updated.error());
  return EndpointResponse(200, *updated);
}

http::Response Delete(ApiContext& ctx, const http::Request& request,
                      const http::PathParams& params) {
  auto caller = Authorize(ctx, request, ScopeRule::kVoice);
  if (!caller)
    return Error(caller.error());
  auto id = PathId(params);
  if (!id)
    return StatusResponse(404);
  if (auto deleted = ctx.endpoints.Delete(caller->project_id, *id); !deleted) {
    return Error(deleted.error());
  }
  return http::Response::Empty(204);
}

}  // namespace

void AddRelayEndpointRoutes(http::Router& router, ApiContext& ctx) {
  for (const char* collection : kCollections) {
    std::string item = std::string(collection) + "/{id}";
    router.Add("GET", collection,
               [&ctx](const http::Request& r, const http::PathParams&) { return List(ctx, r); });
    router.Add("POST", collection,
               [&ctx](const http::Request& r, const http::PathParams&) { return Create(ctx, r); });
    router.Add("GET", item, [&ctx](const http::Request& r, const http::PathParams& p) {
      return Get(ctx, r, p);
    });
    router.Add("PUT", item, [&ctx](const http::Request& r, const http::PathParams& p) {
      return Update(ctx, r, p);
    });
    router.Add("DELETE", item, [&ctx](const http::Request& r, const http::PathParams& p) {
      return Delete(ctx, r, p);
    });
  }
}

}  // namespace sb::api
