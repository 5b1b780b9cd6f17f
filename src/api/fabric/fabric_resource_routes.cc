#include "api/fabric/fabric_json.h"
#include "api/fabric/fabric_routes.h"
#include "api/handler_support.h"

namespace sb::api {
namespace {

constexpr const char* kRegistry = "/api/fabric/resources";
constexpr const char* kWebhooks = "/api/fabric/resources/swml_webhooks";

Json ResourceJson(const ResourceView& r) {
  return r.endpoint ? FabricEndpointJson(*r.endpoint) : SwmlWebhookJson(*r.webhook);
}

Result<http::Response> ListRegistry(ApiContext& ctx, const Caller& caller,
                                    const http::Request& request,
                                    const std::optional<std::string>& type) {
  auto params = RequestListParams(request);
  if (!params)
    return Fail(params.error());
  auto page =
      ctx.resources.ListResources({caller.project_id, type, params->page_token, params->page_size});
  if (!page)
    return Fail(page.error());
  Json data = Json::array();
  std::optional<std::string> first_id, last_id;
  for (const auto& r : page->resources) {
    data.push_back(ResourceJson(r));
    const std::string& id = r.endpoint ? r.endpoint->resource_id : r.webhook->resource_id;
    if (!first_id)
      first_id = id;
    last_id = id;
  }
  std::vector<std::pair<std::string, std::string>> extra;
  if (type)
    extra.emplace_back("type", *type);
  return ListResponse(ctx, request, *params, data.dump(), first_id, last_id, page->has_older,
                      extra);
}

Result<http::Response> GetResource(ApiContext& ctx, const Caller& caller,
                                   const http::PathParams& params) {
  auto id = PathId(params);
  if (!id)
    return Fail(id.error());
  auto resource = ctx.resources.GetResource(caller.project_id, *id);
  if (!resource)
    return Fail(resource.error());
  return JsonResponse(200, ResourceJson(*resource));
}

Result<http::Response> DeleteResource(ApiContext& ctx, const Caller& caller,
                                      const http::PathParams& params,
                                      const std::optional<std::string>& type) {
  auto id = PathId(params);
  if (!id)
    return Fail(id.error());
  if (auto deleted = ctx.resources.DeleteResource(caller.project_id, *id, type); !deleted) {
    return Fail(deleted.error());
  }
  return http::Response::Empty(204);
}

Result<http::Response> CreateWebhook(ApiContext& ctx, const Caller& caller,
                                     const http::Request& request) {
  auto body = ParseJsonObject(request.body);
  if (!body)
    return Fail(body.error());
  auto created = ctx.resources.CreateWebhook(caller.project_id, DecodeSwmlWebhookPatch(*body));
  if (!created)
    return Fail(created.error());
  return JsonResponse(201, SwmlWebhookJson(*created));
}

Result<http::Response> GetWebhook(ApiContext& ctx, const Caller& caller,
                                  const http::PathParams& params) {
  auto id = PathId(params);
  if (!id)
    return Fail(id.error());
  auto webhook = ctx.resources.GetWebhook(caller.project_id, *id);
  if (!webhook)
    return Fail(webhook.error());
  return JsonResponse(200, SwmlWebhookJson(*webhook));
}

Result<http::Response> UpdateWebhook(ApiContext& ctx, const Caller& caller,
                                     const http::Request& request, const http::PathParams& params) {
  auto id = PathId(params);
  if (!id)
    return Fail(id.error());
  auto body = ParseJsonObject(request.body);
  if (!body)
    return Fail(body.error());
  auto updated = ctx.resources.UpdateWebhook(caller.project_id, *id, DecodeSwmlWebhookPatch(*body));
  if (!updated)
    return Fail(updated.error());
  return JsonResponse(200, SwmlWebhookJson(*updated));
}

}  // namespace

void AddFabricResourceRoutes(http::Router& router, ApiContext& ctx) {
  auto route = [&](const char* method, const std::string& path, AuthedHandler handler) {
    router.Add(method, path,
               Authed(ctx, Surface::kFabric, ScopeRule::kAnyScope, std::move(handler)));
  };
  std::string resource = std::string(kRegistry) + "/{id}";
  std::string webhook = std::string(kWebhooks) + "/{id}";
  const std::optional<std::string> kWebhookType = "swml_webhook";

  route("GET", kRegistry, [&ctx](auto& caller, auto& request, auto&) {
    return ListRegistry(ctx, caller, request, std::nullopt);
  });
  route("GET", resource,
        [&ctx](auto& caller, auto&, auto& params) { return GetResource(ctx, caller, params); });
  route("DELETE", resource, [&ctx](auto& caller, auto&, auto& params) {
    return DeleteResource(ctx, caller, params, std::nullopt);
  });
  route("GET", kWebhooks, [&ctx, kWebhookType](auto& caller, auto& request, auto&) {
    return ListRegistry(ctx, caller, request, kWebhookType);
  });
  route("POST", kWebhooks,
        [&ctx](auto& caller, auto& request, auto&) { return CreateWebhook(ctx, caller, request); });
  route("GET", webhook,
        [&ctx](auto& caller, auto&, auto& params) { return GetWebhook(ctx, caller, params); });
  route("PUT", webhook, [&ctx](auto& caller, auto& request, auto& params) {
    return UpdateWebhook(ctx, caller, request, params);
  });
  route("DELETE", webhook, [&ctx, kWebhookType](auto& caller, auto&, auto& params) {
    return DeleteResource(ctx, caller, params, kWebhookType);
  });
}

}  // namespace sb::api
