#include "api/relay/relay_endpoint_json.h"

#include "domain/timestamp.h"

namespace sb::api {
namespace {

Json OrNull(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

Json RelayEndpointJson(const SipEndpoint& e) {
  Json out;
  out["type"] = "sip_endpoint";
  out["id"] = e.id;
  out["username"] = e.username;
  out["caller_id"] = OrNull(e.caller_id);
  out["send_as"] = OrNull(e.send_as);
  out["ciphers"] = e.ciphers;
  out["codecs"] = e.codecs;
  out["encryption"] = e.encryption;
  out["call_handler"] = CallHandlerName(e.call_handler);
  out["calling_handler_resource_id"] = OrNull(e.calling_handler_resource_id);
  const auto& specs = CompanionSpecs();
  for (std::size_t i = 0; i < kCompanionCount; ++i) {
    out[std::string(specs[i].name)] = OrNull(e.companions[i]);
  }
  out["created_at"] = FormatTimestamp(e.created_at);
  out["updated_at"] = FormatTimestamp(e.updated_at);
  return out;
}

}  // namespace sb::api
