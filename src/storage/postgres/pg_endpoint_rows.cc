#include "storage/postgres/pg_endpoint_rows.h"

#include "domain/encoding.h"
#include "storage/endpoint_columns.h"
#include "storage/list_codec.h"

namespace sb {
namespace {

// A field of a pqxx::row or of a PgRawRow.
template <class Field>
std::string String(const Field& f) {
  return f.template as<std::string>();
}

template <class Field>
std::optional<std::string> Text(const Field& f) {
  if (f.is_null())
    return std::nullopt;
  return String(f);
}

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// The placeholder for column `index` ("$n"); the sealed password travels as hex.
std::string Placeholder(const std::string& column, std::size_t index) {
  std::string p = "$";
  p += std::to_string(index + 1);
  return column == "sealed_password" ? "decode(" + p + ", 'hex')" : p;
}

std::string SelectList(bool credentials) {
  std::string out;
  for (const auto& c : EndpointColumns()) {
    out += out.empty() ? "" : ", ";
    if (!credentials && IsCredentialColumn(c)) {
      out += "NULL";
    } else {
      out += c == "sealed_password" ? "encode(sealed_password, 'hex')" : c;
    }
  }
  return out;
}

}  // namespace

const std::string& PgEndpointSelectList(bool credentials) {
  static const std::string kWith = SelectList(true);
  static const std::string kWithout = SelectList(false);
  return credentials ? kWith : kWithout;
}

const std::string& PgSelectEndpointSql() {
  static const std::string kSql = "SELECT " + PgEndpointSelectList() +
                                  " FROM sip_endpoints WHERE project_id = $1 AND"
                                  " (id = $2 OR resource_id = $2)";
  return kSql;
}

const std::string& PgSelectEndpointWithProfileSql(IdHint by) {
  static const auto kSql = [](IdHint hint) {
    return SelectEndpointWithProfileSql(PgEndpointSelectList(false), "$", IdColumn(hint));
  };
  static const std::string kByEndpointId = kSql(IdHint::kEndpointId);
  static const std::string kByResourceId = kSql(IdHint::kResourceId);
  return by == IdHint::kEndpointId ? kByEndpointId : kByResourceId;
}

const std::string& PgInsertEndpointSql() {
  static const std::string kSql = [] {
    std::string values;
    const auto& columns = EndpointColumns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i)
        values += ", ";
      values += Placeholder(columns[i], i);
    }
    return "INSERT INTO sip_endpoints (" + EndpointColumnList() + ") VALUES (" + values + ")";
  }();
  return kSql;
}

const std::string& PgUpdateEndpointSql() {
  static const std::string kSql = [] {
    std::string sets;
    const auto& columns = EndpointColumns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string& c = columns[i];
      if (IsFixedEndpointColumn(c))
        continue;
      if (!sets.empty())
        sets += ", ";
      sets += c + " = " + Placeholder(c, i);
    }
    // Unused parameters still need a type: cast the fixed ids so PostgreSQL can infer them.
    return "UPDATE sip_endpoints SET " + sets +
           " WHERE id = $1 AND resource_id = $2::uuid AND address_id = $3::uuid AND "
           "project_id = $4::uuid";
  }();
  return kSql;
}

PgParams PgEndpointParams(const StoredEndpoint& stored) {
  const SipEndpoint& e = stored.endpoint;
  const SipCredentials& c = stored.credentials;
  PgParams p = {e.id,
                e.resource_id,
                e.address_id,
                e.project_id,
                e.username,
                e.display_name,
                e.caller_id,
                e.send_as,
                JoinList(e.ciphers),
                JoinList(e.codecs),
                e.encryption,
                std::string(CallHandlerName(e.call_handler)),
                e.calling_handler_resource_id};
  for (const auto& companion : e.companions) p.push_back(companion);
  p.push_back(NonEmpty(c.ha1));
  p.push_back(NonEmpty(c.ha1_sha256));
  p.push_back(NonEmpty(c.ha1b));
  p.push_back(c.sealed_password.empty() ? std::nullopt
                                        : std::optional<std::string>(HexEncode(c.sealed_password)));
  p.push_back(NonEmpty(c.key_id));
  p.push_back(std::to_string(e.created_at));
  p.push_back(std::to_string(e.updated_at));
  return p;
}

template <>
std::string PgRawRow::Field::as<std::string>() const {
  return std::string(PQgetvalue(result_, row_, column_),
                     static_cast<std::size_t>(PQgetlength(result_, row_, column_)));
}

template <>
long long PgRawRow::Field::as<long long>() const {
  return std::stoll(PQgetvalue(result_, row_, column_));
}

template <class Row>
StoredEndpoint PgReadEndpoint(const Row& r) {
  StoredEndpoint stored;
  SipEndpoint& e = stored.endpoint;
  SipCredentials& c = stored.credentials;
  int i = 0;
  e.id = String(r[i++]);
  e.resource_id = String(r[i++]);
  e.address_id = String(r[i++]);
  e.project_id = String(r[i++]);
  e.username = String(r[i++]);
  e.display_name = Text(r[i++]);
  e.caller_id = Text(r[i++]);
  e.send_as = Text(r[i++]);
  e.ciphers = SplitList(String(r[i++]));
  e.codecs = SplitList(String(r[i++]));
  e.encryption = String(r[i++]);
  e.call_handler = ParseCallHandler(String(r[i++])).value_or(CallHandler::kDefault);
  e.calling_handler_resource_id = Text(r[i++]);
  for (auto& companion : e.companions) companion = Text(r[i++]);
  c.ha1 = Text(r[i++]).value_or("");
  c.ha1_sha256 = Text(r[i++]).value_or("");
  c.ha1b = Text(r[i++]).value_or("");
  if (auto hex = Text(r[i++]))
    c.sealed_password = HexDecode(*hex).value_or(std::vector<std::uint8_t>{});
  c.key_id = Text(r[i++]).value_or("");
  e.created_at = r[i++].template as<long long>();
  e.updated_at = r[i++].template as<long long>();
  return stored;
}

template <class Row>
SipProfile PgReadSipProfile(const Row& row, int first) {
  SipProfile p;
  p.domain_identifier = String(row[first]);
  p.default_codecs = SplitList(String(row[first + 1]));
  p.default_ciphers = SplitList(String(row[first + 2]));
  p.default_encryption = String(row[first + 3]);
  if (!row[first + 4].is_null())
    p.default_send_as = String(row[first + 4]);
  p.default_outbound_policy = String(row[first + 5]);
  return p;
}

template StoredEndpoint PgReadEndpoint(const pqxx::row&);
template StoredEndpoint PgReadEndpoint(const PgRawRow&);
template SipProfile PgReadSipProfile(const pqxx::row&, int);
template SipProfile PgReadSipProfile(const PgRawRow&, int);

}  // namespace sb
