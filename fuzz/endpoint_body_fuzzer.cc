// A request body for an endpoint write, through JSON parsing, the shared codec and the rules of
// both surfaces, then rendered as each surface would answer. Invariants: no crash; what renders
// is valid JSON; the password never appears in it.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "api/endpoint_codec.h"
#include "api/fabric/fabric_json.h"
#include "api/json_body.h"
#include "api/relay/relay_endpoint_json.h"
#include "domain/endpoint_rules.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sb;
  auto body = api::ParseJsonObject(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body)
    return 0;
  EndpointPatch patch = api::DecodeEndpointPatch(*body);
  for (Surface surface : {Surface::kRelay, Surface::kFabric}) {
    for (WriteKind kind : {WriteKind::kCreate, WriteKind::kUpdate}) {
      auto endpoint = ApplyEndpointPatch(SipEndpoint{}, patch, kind, surface, EndpointRules{});
      if (!endpoint) {
        FUZZ_CHECK(!endpoint.error().fields.empty());
        continue;
      }
      for (const auto& rendered :
           {api::RelayEndpointJson(*endpoint).dump(), api::FabricEndpointJson(*endpoint).dump()}) {
        FUZZ_CHECK(nlohmann::json::accept(rendered));
        if (patch.password.value && patch.password.value->size() >= 8)
          FUZZ_CHECK(rendered.find(*patch.password.value) == std::string::npos);
      }
    }
  }
  return 0;
}
