#include "domain/call_handler.h"

namespace sb {
namespace {

constexpr std::array<std::string_view, 15> kHandlerNames = {
    "default",          "passthrough", "block-pstn",  "resource",      "laml_webhooks",
    "laml_application", "dialogflow",  "relay_topic", "relay_context", "relay_application",
    "relay_script",     "video_room",  "call_flow",   "ai_agent",      "relay_connector",
};

using H = CallHandler;
using K = CompanionKind;

constexpr std::array<CompanionSpec, kCompanionCount> kSpecs = {{
    {"call_request_url", H::kLamlWebhooks, K::kUrl, true, -1},
    {"call_request_method", H::kLamlWebhooks, K::kMethod, false, 0},
    {"call_fallback_url", H::kLamlWebhooks, K::kUrl, false, -1},
    {"call_fallback_method", H::kLamlWebhooks, K::kMethod, false, 2},
    {"call_status_callback_url", H::kLamlWebhooks, K::kUrl, false, -1},
    {"call_status_callback_method", H::kLamlWebhooks, K::kMethod, false, 4},
    {"call_laml_application_id", H::kLamlApplication, K::kText, true, -1},
    {"call_dialogflow_agent_id", H::kDialogflow, K::kText, true, -1},
    {"call_relay_topic", H::kRelayTopic, K::kText, true, -1},
    {"call_relay_topic_status_callback_url", H::kRelayTopic, K::kUrl, false, -1},
    {"call_relay_context", H::kRelayContext, K::kText, true, -1},
    {"call_relay_context_status_callback_url", H::kRelayContext, K::kUrl, false, -1},
    {"call_relay_application", H::kRelayApplication, K::kText, true, -1},
    {"call_video_room_id", H::kVideoRoom, K::kUuid, true, -1},
    {"call_relay_script_url", H::kRelayScript, K::kUrl, true, -1},
    {"call_flow_id", H::kCallFlow, K::kUuid, true, -1},
    {"call_flow_version", H::kCallFlow, K::kFlowVersion, false, -1},
    {"call_ai_agent_id", H::kAiAgent, K::kUuid, true, -1},
    {"call_relay_connector_id", H::kRelayConnector, K::kText, true, -1},
}};

}  // namespace

std::string_view CallHandlerName(CallHandler handler) {
  return kHandlerNames[static_cast<std::size_t>(handler)];
}

std::optional<CallHandler> ParseCallHandler(std::string_view name) {
  for (std::size_t i = 0; i < kHandlerNames.size(); ++i) {
    if (kHandlerNames[i] == name)
      return static_cast<CallHandler>(i);
  }
  return std::nullopt;
}

bool FabricMayWrite(CallHandler handler) { return handler <= CallHandler::kResource; }

const std::array<CompanionSpec, kCompanionCount>& CompanionSpecs() { return kSpecs; }

}  // namespace sb
