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

// Whether a column is set once at creation (the three ids and the project) and so is left out
// of updates.
bool IsFixedEndpointColumn(const std::string& column);

}  // namespace sb
