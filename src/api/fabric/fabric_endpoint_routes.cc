#include "api/endpoint_routes.h"
#include "api/fabric/fabric_json.h"
#include "api/fabric/fabric_routes.h"
#include "api/handler_support.h"

namespace sb::api {
namespace {

constexpr const char* kCollection = "/api/fabric/resources/sip_endpoints";
const std::vector<std::pair<std::string, std::string>> kTypeParam = {{"type", "sip_endpoint"}};

Result<http::Response> Addresses(ApiContext& ctx, const Caller& caller,
                                 const http::Request& request, const http::PathParams& path) {
  auto id = PathId(path);
  if (!id)
    return Fail(id.error());
  auto params = RequestListParams(request);
  if (!params)
    return Fail(params.error());
  auto endpoint = ctx.endpoints.Get(caller.project_id, *id, Surface::kFabric);
  if (!endpoint)
    return Fail(endpoint.error());
  // One address per endpoint: it is on the first page, and later pages are empty.
  Json data = Json::array();
  if (params->page_number == 0)
    data.push_back(FabricAddressJson(*endpoint));
  return ListResponse(ctx, request, *params, data.dump(), std::nullopt, std::nullopt, false,
                      kTypeParam);
}

Result<http::Response> Assign(ApiContext& ctx, const Caller& caller, const http::Request& request,
                              const http::PathParams& path) {
  auto resource_id = PathId(path);
  if (!resource_id)
    return Fail(resource_id.error());
  auto body = ParseJsonObject(request.body);
  if (!body)
    return Fail(body.error());
  auto it = body->find("sip_endpoint_id");
  if (it == body->end() || it->is_null()) {
    return Fail(Error::Invalid("missing_required_parameter", "sip_endpoint_id",
                               "sip_endpoint_id is required"));
  }
  if (!it->is_string()) {
    return Fail(
        Error::Invalid("not_a_string", "sip_endpoint_id", "sip_endpoint_id must be a string"));
  }
  auto endpoint_id = PathId({it->get<std::string>()});
  if (!endpoint_id)
    return Fail(endpoint_id.error());
  auto endpoint = ctx.resources.Assign(caller.project_id, *resource_id, *endpoint_id);
  if (!endpoint)
    return Fail(endpoint.error());
  return JsonResponse(200, FabricAddressJson(*endpoint));
}

}  // namespace

void AddFabricEndpointRoutes(http::Router& router, ApiContext& ctx) {
  AddEndpointRoutes(router, ctx, kCollection,
                    {Surface::kFabric, &WriteFabricEndpointFields, kTypeParam});
  auto route = [&](const char* method, const std::string& path, AuthedHandler handler) {
    router.Add(method, path,
               Authed(ctx, Surface::kFabric, ScopeRule::kAnyScope, std::move(handler)));
  };
  route("GET", std::string(kCollection) + "/{id}/addresses",
        [&ctx](auto& caller, auto& request, auto& params) {
          return Addresses(ctx, caller, request, params);
        });
  route("POST", "/api/fabric/resources/{resource_id}/sip_endpoints",
        [&ctx](auto& caller, auto& request, auto& params) {
          return Assign(ctx, caller, request, params);
        });
}

}  // namespace sb::api
