// A request body for a SWML webhook resource: parsing, decoding, rules, rendering.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "api/fabric/fabric_json.h"
#include "api/json_body.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sb;
  auto body = api::ParseJsonObject(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body)
    return 0;
  SwmlWebhookPatch patch = api::DecodeSwmlWebhookPatch(*body);
  for (bool create : {true, false}) {
    auto webhook = ApplySwmlWebhookPatch(SwmlWebhook{}, patch, create);
    if (!webhook) {
      FUZZ_CHECK(!webhook.error().fields.empty());
      continue;
    }
    FUZZ_CHECK(nlohmann::json::accept(api::SwmlWebhookJson(*webhook).dump()));
  }
  return 0;
}
