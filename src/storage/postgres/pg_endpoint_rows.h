#pragma once

#include <string>

#include <libpq-fe.h>
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

// One row of a result that libpq handed over directly (PgPipeline's), read like a pqxx::row.
class PgRawRow {
 public:
  class Field {
   public:
    Field(const PGresult* result, int row, int column)
        : result_(result), row_(row), column_(column) {}
    bool is_null() const { return PQgetisnull(result_, row_, column_) != 0; }
    template <class T>
    T as() const;

   private:
    const PGresult* result_;
    int row_;
    int column_;
  };
  PgRawRow(const PGresult* result, int row) : result_(result), row_(row) {}
  Field operator[](int column) const { return Field(result_, row_, column); }

 private:
  const PGresult* result_;
  int row_;
};

// `Row`: pqxx::row or PgRawRow.
template <class Row>
StoredEndpoint PgReadEndpoint(const Row& row);
// kSipProfileColumns, from column `first` on.
template <class Row>
SipProfile PgReadSipProfile(const Row& row, int first);

}  // namespace sb
