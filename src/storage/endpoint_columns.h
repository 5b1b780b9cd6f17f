#pragma once

#include <string>
#include <vector>

#include "storage/id_hint.h"

namespace sb {

// The sip_endpoints columns in the order every store reads and binds them: identity, settings,
// the companions (in CompanionSpecs() order), credentials, times. Shared so that each store's
// SQL and its row codec cannot drift apart.
const std::vector<std::string>& EndpointColumns();

// "id, resource_id, ..." for SELECT and INSERT lists. Without `credentials`, the credential
// columns (digests, sealed password, key id) are selected as NULL: same positions, nothing read.
std::string EndpointColumnList(bool credentials = true);
bool IsCredentialColumn(const std::string& column);

// The projects columns that make its SIP profile, in the order every store reads them
// ("domain_identifier, default_codecs, ..."); read with an endpoint by GetWithProfile.
extern const char* const kSipProfileColumns;

// The column that holds the id `hint` names: "id" or "resource_id".
const char* IdColumn(IdHint hint);

// SQL that selects EndpointColumns() (through `select_list`, which a store may spell its own
// way) and then kSipProfileColumns of the endpoint's project, for the endpoint of project ?1 /
// $1 whose `id_column` is ?2 / $2. `placeholder` is "?" or "$".
std::string SelectEndpointWithProfileSql(const std::string& select_list, const char* placeholder,
                                         const char* id_column);

// Whether a column is set once at creation (the three ids and the project) and so is left out
// of updates.
bool IsFixedEndpointColumn(const std::string& column);

}  // namespace sb
