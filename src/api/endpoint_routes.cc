#include "api/endpoint_routes.h"

#include "api/endpoint_codec.h"
#include "api/handler_support.h"

namespace sb::api {
namespace {

// Room for one endpoint's JSON (~900-1,100 bytes with its nulls), so that a page is written
// without the string growing.
constexpr std::size_t kRenderedEndpointBytes = 1200;

// "2026-03-02 15:04:05" (the registrar's UTC datetime) as "2026-03-02T15:04:05Z".
std::string IsoTimestamp(std::string text) {
  if (text.size() == 19 && text[10] == ' ') {
    text[10] = 'T';
    text += 'Z';
  }
  return text;
}

Json RegistrationsJson(const std::vector<Registration>& registrations) {
  Json out = Json::array();
  for (const auto& r : registrations) {
    Json entry;
    entry["contact"] = r.contact;
    entry["source_address"] = r.source_address;
    entry["transport"] = r.transport;
    entry["user_agent"] = r.user_agent;
    entry["expires_at"] = IsoTimestamp(r.expires_at);
    out.push_back(std::move(entry));
  }
  return out;
}

// The surface's representation of one endpoint, with `registrations` (serialised) appended
// when asked for.
std::string Render(const EndpointSurface& s, const SipEndpoint& endpoint,
                   const std::optional<std::string>& registrations = std::nullopt) {
  std::string out;
  out.reserve(kRenderedEndpointBytes);
  JsonWriter w(out);
  w.BeginObject();
  s.write_fields(w, endpoint, nullptr);
  if (registrations) {
    w.Key("registrations");
    w.Raw(*registrations);
  }
  w.EndObject();
  return out;
}

// Whether `?include=` names `what` (a comma-separated list).
bool Includes(const http::Request& request, const std::string& what) {
  auto query = ParseQuery(request.query);
  if (!query)
    return false;
  auto include = QueryValue(*query, "include");
  if (!include)
    return false;
  std::string list = "," + *include + ",";
  return list.find("," + what + ",") != std::string::npos;
}

Result<http::Response> List(ApiContext& ctx, const EndpointSurface& s, const Caller& caller,
                            const http::Request& request) {
  auto params = RequestListParams(request);
  if (!params)
    return Fail(params.error());
  // The rows are rendered as the store reads them (none is copied); the links, which need the
  // first and last ids, are put in front afterwards.
  std::string data;
  data.reserve(params->page_size * kRenderedEndpointBytes);
  JsonWriter w(data);
  w.BeginArray();
  std::optional<std::string> first_id, last_id;
  auto has_older =
      ctx.endpoints.VisitList({caller.project_id, params->filter_username, params->filter_caller_id,
                               params->page_token, params->page_size},
                              [&](const SipEndpoint& endpoint, const SipProfile& profile) {
                                w.BeginObject();
                                s.write_fields(w, endpoint, &profile);
                                w.EndObject();
                                if (!first_id)
                                  first_id = endpoint.id;
                                last_id = endpoint.id;  // reuses its storage after the first row
                              });
  if (!has_older)
    return Fail(has_older.error());
  w.EndArray();
  return ListResponse(ctx, request, *params, data, first_id, last_id, *has_older, s.link_params);
}

Result<http::Response> Create(ApiContext& ctx, const EndpointSurface& s, const Caller& caller,
                              const http::Request& request) {
  auto body = ParseJsonObject(request.body);
  if (!body)
    return Fail(body.error());
  auto created = ctx.endpoints.Create(caller.project_id, DecodeEndpointPatch(*body), s.surface);
  if (!created)
    return Fail(created.error());
  return http::Response::Json(201, Render(s, *created));
}

// Create, holding no thread while the store commits (EndpointStore::InsertAsync on SQLite).
void CreateAsync(ApiContext& ctx, const EndpointSurface& s, const Caller& caller,
                 const http::Request& request, const ResultReply& reply) {
  auto body = ParseJsonObject(request.body);
  if (!body)
    return reply(Fail(body.error()));
  // `s` lives in the router, which outlives every request.
  ctx.endpoints.CreateAsync(caller.project_id, DecodeEndpointPatch(*body), s.surface,
                            [&s, reply](Result<SipEndpoint> created) {
                              if (!created)
                                return reply(Fail(created.error()));
                              reply(http::Response::Json(201, Render(s, *created)));
                            });
}

Result<http::Response> Get(ApiContext& ctx, const EndpointSurface& s, const Caller& caller,
                           const http::Request& request, const http::PathParams& params) {
  auto id = PathId(params);
  if (!id)
    return Fail(id.error());
  auto endpoint = ctx.endpoints.Get(caller.project_id, *id, s.surface);
  if (!endpoint)
    return Fail(endpoint.error());
  std::optional<std::string> registrations;
  if (Includes(request, "registrations")) {  // extension
    auto found = ctx.endpoints.Registrations(caller.project_id, *id);
    if (!found)
      return Fail(found.error());
    registrations = RegistrationsJson(*found).dump();
  }
  return http::Response::Json(200, Render(s, *endpoint, registrations));
}

// Get, holding no thread while the store waits (a GET on PostgreSQL: EndpointStore::
// GetWithProfileAsync). With the registrations it reads the registrar's table the plain way.
void GetAsync(ApiContext& ctx, const EndpointSurface& s, const Caller& caller,
              const http::Request& request, const http::PathParams& params,
              const ResultReply& reply) {
  if (Includes(request, "registrations"))
    return reply(Get(ctx, s, caller, request, params));
  auto id = PathId(params);
  if (!id)
    return reply(Fail(id.error()));
  // `s` lives in the router, which outlives every request.
  ctx.endpoints.GetAsync(caller.project_id, *id, s.surface,
                         [&s, reply](Result<SipEndpoint> endpoint) {
                           if (!endpoint)
                             return reply(Fail(endpoint.error()));
                           reply(http::Response::Json(200, Render(s, *endpoint)));
                         });
}

// The contacts the registrar holds for the endpoint (extension).
Result<http::Response> Registrations(ApiContext& ctx, const Caller& caller,
                                     const http::PathParams& params) {
  auto id = PathId(params);
  if (!id)
    return Fail(id.error());
  auto registrations = ctx.endpoints.Registrations(caller.project_id, *id);
  if (!registrations)
    return Fail(registrations.error());
  return JsonResponse(200, Json{{"data", RegistrationsJson(*registrations)}});
}

Result<http::Response> Update(ApiContext& ctx, const EndpointSurface& s, const Caller& caller,
                              const http::Request& request, const http::PathParams& params) {
  auto id = PathId(params);
  if (!id)
    return Fail(id.error());
  auto body = ParseJsonObject(request.body);
  if (!body)
    return Fail(body.error());
  auto updated =
      ctx.endpoints.Update(caller.project_id, *id, DecodeEndpointPatch(*body), s.surface);
  if (!updated)
    return Fail(updated.error());
  return http::Response::Json(200, Render(s, *updated));
}

Result<http::Response> Delete(ApiContext& ctx, const Caller& caller,
                              const http::PathParams& params) {
  auto id = PathId(params);
  if (!id)
    return Fail(id.error());
  if (auto deleted = ctx.endpoints.Delete(caller.project_id, *id); !deleted) {
    return Fail(deleted.error());
  }
  return http::Response::Empty(204);
}

}  // namespace

void AddEndpointRoutes(http::Router& router, ApiContext& ctx, const std::string& collection,
                       const EndpointSurface& surface) {
  ScopeRule scope = surface.surface == Surface::kRelay ? ScopeRule::kVoice : ScopeRule::kAnyScope;
  auto route = [&](const char* method, const std::string& path, AuthedHandler handler) {
    router.Add(method, path, Authed(ctx, surface.surface, scope, std::move(handler)));
  };
  std::string item = collection + "/{id}";
  route("GET", collection, [&ctx, surface](auto& caller, auto& request, auto&) {
    return List(ctx, surface, caller, request);
  });
  if (ctx.endpoints.CreatesWithoutWaiting()) {
    // Answered when the commit is durable, without a thread waiting for it (so on the HTTP
    // thread the request arrived on: http::ServerOptions::runs_on_write_pool).
    router.AddAsync("POST", collection,
                    AuthedAsync(ctx, surface.surface, scope,
                                [&ctx, surface](auto& caller, auto& request, auto&, auto reply) {
                                  CreateAsync(ctx, surface, caller, request, reply);
                                }));
  } else {
    route("POST", collection, [&ctx, surface](auto& caller, auto& request, auto&) {
      return Create(ctx, surface, caller, request);
    });
  }
  router.AddAsync(
      "GET", item,
      AuthedAsync(ctx, surface.surface, scope,
                  [&ctx, surface](auto& caller, auto& request, auto& params, auto reply) {
                    GetAsync(ctx, surface, caller, request, params, reply);
                  }));
  route("GET", item + "/registrations",
        [&ctx](auto& caller, auto&, auto& params) { return Registrations(ctx, caller, params); });
  route("PUT", item, [&ctx, surface](auto& caller, auto& request, auto& params) {
    return Update(ctx, surface, caller, request, params);
  });
  route("DELETE", item,
        [&ctx](auto& caller, auto&, auto& params) { return Delete(ctx, caller, params); });
}

}  // namespace sb::api
