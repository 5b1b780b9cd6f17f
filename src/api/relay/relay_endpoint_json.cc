#include "api/relay/relay_endpoint_json.h"

#include <array>

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
  // The endpoint's own settings (resolved already), or what it shows from its profile.
  const std::string* send_as = nullable(e.send_as);
  const std::vector<std::string>* ciphers = &e.ciphers;
  const std::vector<std::string>* codecs = &e.codecs;
  if (inherited) {
    auto shown = ViewInherited(e, *inherited);
    send_as = &shown.send_as;
    ciphers = &shown.ciphers;
    codecs = &shown.codecs;
  }
  w.Key("send_as");
  w.StringOrNull(send_as);
  w.Key("ciphers");
  w.StringArray(*ciphers);
  w.Key("codecs");
  w.StringArray(*codecs);
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
  // Most companions are unset: each run of nulls goes out in one piece.
  const auto& specs = CompanionSpecs();
  std::array<std::string_view, kCompanionCount> nulls;
  std::size_t pending = 0;
  for (std::size_t i = 0; i < kCompanionCount; ++i) {
    if (!e.companions[i]) {
      nulls[pending++] = specs[i].name;
      continue;
    }
    w.NullMembers({nulls.data(), pending});
    pending = 0;
    w.Key(specs[i].name);
    w.String(*e.companions[i]);
  }
  w.NullMembers({nulls.data(), pending});
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
