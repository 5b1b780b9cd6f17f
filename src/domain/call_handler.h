#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace sb {

// What runs an endpoint's outbound calls (CONTRACT 3). The declaration order is the order of the
// contract's table; the first four are the only ones the Fabric surface may write.
enum class CallHandler {
  kDefault,
  kPassthrough,
  kBlockPstn,
  kResource,
  kLamlWebhooks,
  kLamlApplication,
  kDialogflow,
  kRelayTopic,
  kRelayContext,
  kRelayApplication,
  kRelayScript,
  kVideoRoom,
  kCallFlow,
  kAiAgent,
  kRelayConnector,
};

std::string_view CallHandlerName(CallHandler handler);
std::optional<CallHandler> ParseCallHandler(std::string_view name);
bool FabricMayWrite(CallHandler handler);

// How a companion field's value is checked.
enum class CompanionKind { kText, kUrl, kMethod, kUuid, kFlowVersion };

// A field that only means something for one call handler (CONTRACT 3, "handler companions").
struct CompanionSpec {
  std::string_view name;  // the JSON key and the store column
  CallHandler handler;
  CompanionKind kind;
  bool required;      // must be set when `handler` is chosen
  int url_companion;  // for a kMethod: index of the URL it qualifies; -1 otherwise
};

inline constexpr std::size_t kCompanionCount = 19;

// In the Relay representation's key order (CONTRACT 5).
const std::array<CompanionSpec, kCompanionCount>& CompanionSpecs();

// Companion values by CompanionSpecs() index; nullopt is JSON null.
using Companions = std::array<std::optional<std::string>, kCompanionCount>;

}  // namespace sb
