#pragma once

#include <string>

#include <pqxx/pqxx>

#include "domain/sip_endpoint.h"
#include "domain/sip_profile.h"
#include "storage/id_hint.h"
#include "storage/postgres/pg_database.h"

namespace sb {

// The sip_endpoints row codec shared by the PostgreSQL stores, over EndpointColumns(). The
// sealed password travels as hex (encode/decode in SQL), everything else as text.
// "id, resource_id, ..., encode(...), ..."; without `credentials`, those columns are NULL.
const std::string& PgEndpointSelectList(bool credentials = true);
const std::string& PgSelectEndpointSql();  // $1 project, $2 endpoint id or resource id
// The endpoint's columns and then kSipProfileColumns; $1 project, $2 the id in `by`'s column.
const std::string& PgSelectEndpointWithProfileSql(IdHint by);
const std::string& PgInsertEndpointSql();
const std::string& PgUpdateEndpointSql();  // binds like the insert; WHERE id = $1
PgParams PgEndpointParams(const StoredEndpoint& stored);
StoredEndpoint PgReadEndpoint(const pqxx::row& row);
// kSipProfileColumns, from column `first` on.
SipProfile PgReadSipProfile(const pqxx::row& row, int first);

}  // namespace sb
