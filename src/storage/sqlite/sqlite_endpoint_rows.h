#pragma once

#include <string>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "domain/sip_endpoint.h"
#include "domain/sip_profile.h"
#include "storage/id_hint.h"
#include "storage/sqlite/sqlite_database.h"

namespace sb {

// The sip_endpoints row codec shared by the SQLite stores: statements over EndpointColumns()
// and the binding and reading of one row in that order.
// Binds ?1 = project id, ?2 = endpoint id or resource id.
const std::string& SelectEndpointSql();
// SelectEndpointSql with kSipProfileColumns after the endpoint's columns; the hinted id is
// looked up first.
// Binds ?1 = project id, ?2 = the id, ?3 = EndpointRowidFor(the id) or NULL.
const std::string& SelectEndpointWithProfileSql(IdHint hint);
// Binds like BindEndpoint, then EndpointColumns().size() + 1 = EndpointRowidFor(id) or NULL.
const std::string& InsertSql();
const std::string& UpdateSql();  // binds like InsertSql; WHERE id = ?1
void BindEndpoint(SQLite::Statement& s, const StoredEndpoint& stored);
StoredEndpoint ReadEndpoint(const SqliteRow& row);
// The same into `into`, whose strings keep their storage: reading a page's rows one after
// another into one object allocates only for the first.
void ReadEndpointInto(const SqliteRow& row, StoredEndpoint& into);
// kSipProfileColumns, from column `first` on.
SipProfile ReadSipProfile(const SqliteRow& row, int first);

}  // namespace sb
