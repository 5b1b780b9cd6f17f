#pragma once

namespace sb {

// Which of an endpoint's two ids a caller most likely holds: Relay clients name an endpoint by
// its endpoint id, Fabric clients by its resource id (the wrapper's id). Either id always finds
// the endpoint; the hint only says which index to look in first, so that the usual request is
// one plain lookup (on PostgreSQL a query over both ids took 134-137 us of the backend's CPU per
// GET against 96-109 us for one lookup; docs/design/store-contract.md).
enum class IdHint { kEndpointId, kResourceId };

// The id to try when the hinted one finds nothing.
constexpr IdHint OtherId(IdHint hint) {
  return hint == IdHint::kEndpointId ? IdHint::kResourceId : IdHint::kEndpointId;
}

}  // namespace sb
