#include "api/relay/sip_profile_routes.h"

#include "api/handler_support.h"
#include "api/json_fields.h"

namespace sb::api {
namespace {

constexpr const char* kPath = "/api/relay/rest/sip_profile";

Json ProfileJson(const ProfileView& view) {
  const SipProfile& p = view.profile;
  Json out;
  out["domain"] = view.domain;
  out["domain_identifier"] = p.domain_identifier;
  out["default_codecs"] = p.default_codecs;
  out["default_ciphers"] = p.default_ciphers;
  out["default_encryption"] = p.default_encryption;
  out["default_send_as"] = p.default_send_as ? Json(*p.default_send_as) : Json(nullptr);
  out["default_outbound_policy"] = p.default_outbound_policy;
  return out;
}

}  // namespace

SipProfilePatch DecodeProfilePatch(const Json& object) {
  SipProfilePatch p;
  auto& e = p.decode_errors;
  ReadStringField(object, "domain_identifier", p.domain_identifier, e);
  ReadStringListField(object, "default_codecs", p.default_codecs, e);
  ReadStringListField(object, "default_ciphers", p.default_ciphers, e);
  ReadStringField(object, "default_encryption", p.default_encryption, e);
  ReadStringField(object, "default_send_as", p.default_send_as, e);
  ReadStringField(object, "default_outbound_policy", p.default_outbound_policy, e);
  return p;
}

void AddSipProfileRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", kPath,
             Authed(ctx, Surface::kRelay, ScopeRule::kVoice,
                    [&ctx](auto& caller, auto&, auto&) -> Result<http::Response> {
                      auto view = ctx.profiles.Get(caller.project_id);
                      if (!view)
                        return Fail(view.error());
                      return JsonResponse(200, ProfileJson(*view));
                    }));
  // 201 on success, as SignalWire's spec says for this route.
  router.Add("PUT", kPath,
             Authed(ctx, Surface::kRelay, ScopeRule::kVoice,
                    [&ctx](auto& caller, auto& request, auto&) -> Result<http::Response> {
                      auto body = ParseJsonObject(request.body);
                      if (!body)
                        return Fail(body.error());
                      auto view = ctx.profiles.Update(caller.project_id, DecodeProfilePatch(*body));
                      if (!view)
                        return Fail(view.error());
                      return JsonResponse(201, ProfileJson(*view));
                    }));
}

}  // namespace sb::api
