#pragma once

#include <string>
#include <vector>

namespace sb {

// The sip_endpoints columns in the order every store reads and binds them: identity, settings,
// the companions (in CompanionSpecs() order), credentials, times. Shared so that each store's
// SQL and its row codec cannot drift apart.
const std::vector<std::string>& EndpointColumns();

// "id, resource_id, ..." for SELECT and INSERT lists.
std::string EndpointColumnList();

}  // namespace sb
