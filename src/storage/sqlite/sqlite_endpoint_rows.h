#pragma once

#include <string>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "domain/sip_endpoint.h"

namespace sb {

// The sip_endpoints row codec shared by the SQLite stores: statements over EndpointColumns()
// and the binding and reading of one row in that order.
// Binds ?1 = project id, ?2 = endpoint id or resource id.
const std::string& SelectEndpointSql();
const std::string& InsertSql();
const std::string& UpdateSql();  // binds like InsertSql; WHERE id = ?1
void BindEndpoint(SQLite::Statement& s, const StoredEndpoint& stored);
StoredEndpoint ReadEndpoint(SQLite::Statement& s);

}  // namespace sb
