#include "api/relay/relay_endpoint_json.h"

#include "domain/timestamp.h"

namespace sb::api {

void WriteEndpointCoreFields(JsonWriter& w, const SipEndpoint& e, const SipProfile* inherited) {
  auto nullable = [](const std::optional<std::string>& v) { return v ? &*v : nullptr; };
  w.Key("id");
  w.String(e.id);
  w.Key("username");
  w.String(e.username);
  w.Key("caller_id");
  w.StringOrNull(nullable(e.caller_id));
  if (inherited) {
    auto shown = ViewInherited(e, *inherited);
    w.Key("send_as");
    w.String(shown.send_as);
    w.Key("ciphers");
    w.StringArray(shown.ciphers);
    w.Key("codecs");
    w.StringArray(shown.codecs);
  } else {
    w.Key("send_as");
    w.StringOrNull(nullable(e.send_as));
    w.Key("ciphers");
    w.StringArray(e.ciphers);
    w.Key("codecs");
    w.StringArray(e.codecs);
  }
  w.Key("encryption");
  w.String(e.encryption);
  w.Key("call_handler");
  w.String(CallHandlerName(e.call_handler));
  w.Key("calling_handler_resource_id");
  w.StringOrNull(nullable(e.calling_handler_resource_id));
}

void WriteRelayEndpointFields(JsonWriter& w, const SipEndpoint& e, const SipProfile* inherited) {
  w.Key("type");
  w.String("sip_endpoint");
  WriteEndpointCoreFields(w, e, inherited);
  const auto& specs = CompanionSpecs();
  for (std::size_t i = 0; i < kCompanionCount; ++i) {
    w.Key(specs[i].name);
    w.StringOrNull(e.companions[i] ? &*e.companions[i] : nullptr);
  }
  w.Key("created_at");
  w.String(TimestampText(e.created_at).view());
  w.Key("updated_at");
  w.String(TimestampText(e.updated_at).view());
}

void WriteRelayEndpoint(JsonWriter& w, const SipEndpoint& e) {
  w.BeginObject();
  WriteRelayEndpointFields(w, e);
  w.EndObject();
}

Json RelayEndpointJson(const SipEndpoint& e) {
  std::string text;
  JsonWriter w(text);
  WriteRelayEndpoint(w, e);
  return Json::parse(text);
}

}  // namespace sb::api
