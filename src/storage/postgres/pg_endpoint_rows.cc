#include "storage/postgres/pg_endpoint_rows.h"

#include "domain/encoding.h"
#include "storage/endpoint_columns.h"
#include "storage/list_codec.h"

namespace sb {
namespace {

std::optional<std::string> Text(const pqxx::field& f) {
  if (f.is_null())
    return std::nullopt;
  return f.as<std::string>();
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

StoredEndpoint PgReadEndpoint(const pqxx::row& r) {
  StoredEndpoint stored;
  SipEndpoint& e = stored.endpoint;
  SipCredentials& c = stored.credentials;
  int i = 0;
  e.id = r[i++].as<std::string>();
  e.resource_id = r[i++].as<std::string>();
  e.address_id = r[i++].as<std::string>();
  e.project_id = r[i++].as<std::string>();
  e.username = r[i++].as<std::string>();
  e.display_name = Text(r[i++]);
  e.caller_id = Text(r[i++]);
  e.send_as = Text(r[i++]);
  e.ciphers = SplitList(r[i++].as<std::string>());
  e.codecs = SplitList(r[i++].as<std::string>());
  e.encryption = r[i++].as<std::string>();
  e.call_handler = ParseCallHandler(r[i++].as<std::string>()).value_or(CallHandler::kDefault);
  e.calling_handler_resource_id = Text(r[i++]);
  for (auto& companion : e.companions) companion = Text(r[i++]);
  c.ha1 = Text(r[i++]).value_or("");
  c.ha1_sha256 = Text(r[i++]).value_or("");
  c.ha1b = Text(r[i++]).value_or("");
  if (auto hex = Text(r[i++]))
    c.sealed_password = HexDecode(*hex).value_or(std::vector<std::uint8_t>{});
  c.key_id = Text(r[i++]).value_or("");
  e.created_at = r[i++].as<long long>();
  e.updated_at = r[i++].as<long long>();
  return stored;
}

SipProfile PgReadSipProfile(const pqxx::row& row, int first) {
  SipProfile p;
  p.domain_identifier = row[first].as<std::string>();
  p.default_codecs = SplitList(row[first + 1].as<std::string>());
  p.default_ciphers = SplitList(row[first + 2].as<std::string>());
  p.default_encryption = row[first + 3].as<std::string>();
  if (!row[first + 4].is_null())
    p.default_send_as = row[first + 4].as<std::string>();
  p.default_outbound_policy = row[first + 5].as<std::string>();
  return p;
}

}  // namespace sb
