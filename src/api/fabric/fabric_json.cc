#include "api/fabric/fabric_json.h"

#include "api/json_fields.h"
#include "api/query_string.h"
#include "api/relay/relay_endpoint_json.h"
#include "domain/timestamp.h"

namespace sb::api {
namespace {

Json OrNull(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

void WriteFabricEndpointFields(JsonWriter& w, const SipEndpoint& e, const SipProfile* inherited) {
  w.Key("id");
  w.String(e.resource_id);
  w.Key("project_id");
  w.String(e.project_id);
  w.Key("display_name");
  w.String(e.display_name ? *e.display_name : e.username);
  w.Key("type");
  w.String("sip_endpoint");
  w.Key("created_at");
  w.String(TimestampText(e.created_at).view());
  w.Key("updated_at");
  w.String(TimestampText(e.updated_at).view());
  w.Key("sip_endpoint");
  w.BeginObject();
  WriteEndpointCoreFields(w, e, inherited);
  w.EndObject();
}

void WriteFabricEndpoint(JsonWriter& w, const SipEndpoint& e) {
  w.BeginObject();
  WriteFabricEndpointFields(w, e);
  w.EndObject();
}

Json FabricEndpointJson(const SipEndpoint& e) {
  std::string text;
  JsonWriter w(text);
  WriteFabricEndpoint(w, e);
  return Json::parse(text);
}

Json FabricAddressJson(const SipEndpoint& e) {
  // The username goes into a path: escape what a path segment or query would misread.
  std::string channel = "/private/" + PercentEncode(e.username) + "?channel=";
  Json out;
  out["id"] = e.address_id;
  out["name"] = e.username;
  out["display_name"] = e.display_name.value_or(e.username);
  out["type"] = "call";
  out["cover_url"] = nullptr;
  out["preview_url"] = nullptr;
  out["locked"] = false;
  out["channels"] = {{"audio", channel + "audio"}, {"video", channel + "video"}};
  out["created_at"] = FormatTimestamp(e.created_at);
  return out;
}

Json SwmlWebhookJson(const SwmlWebhook& w) {
  Json inner;
  inner["id"] = w.resource_id;
  inner["name"] = w.name;
  inner["used_for"] = w.used_for;
  inner["primary_request_url"] = w.primary_request_url;
  inner["primary_request_method"] = w.primary_request_method;
  inner["fallback_request_url"] = OrNull(w.fallback_request_url);
  inner["fallback_request_method"] = OrNull(w.fallback_request_method);
  inner["status_callback_url"] = OrNull(w.status_callback_url);
  inner["status_callback_method"] = OrNull(w.status_callback_method);
  Json out;
  out["id"] = w.resource_id;
  out["project_id"] = w.project_id;
  out["display_name"] = w.name;
  out["type"] = "swml_webhook";
  out["created_at"] = FormatTimestamp(w.created_at);
  out["updated_at"] = FormatTimestamp(w.updated_at);
  out["swml_webhook"] = std::move(inner);
  return out;
}

SwmlWebhookPatch DecodeSwmlWebhookPatch(const Json& object) {
  SwmlWebhookPatch p;
  auto& e = p.decode_errors;
  ReadStringField(object, "name", p.name, e);
  ReadStringField(object, "used_for", p.used_for, e);
  ReadStringField(object, "primary_request_url", p.primary_request_url, e);
  ReadStringField(object, "primary_request_method", p.primary_request_method, e);
  ReadStringField(object, "fallback_request_url", p.fallback_request_url, e);
  ReadStringField(object, "fallback_request_method", p.fallback_request_method, e);
  ReadStringField(object, "status_callback_url", p.status_callback_url, e);
  ReadStringField(object, "status_callback_method", p.status_callback_method, e);
  return p;
}

}  // namespace sb::api
