#include "storage/sqlite/sqlite_endpoint_rows.h"

#include "storage/endpoint_columns.h"
#include "storage/list_codec.h"

namespace sb {
namespace {

void BindText(SQLite::Statement& s, int index, const std::optional<std::string>& value) {
  if (value) {
    s.bind(index, *value);
  } else {
    s.bind(index);
  }
}

std::optional<std::string> ColumnText(SQLite::Statement& s, int index) {
  auto column = s.getColumn(index);
  if (column.isNull())
    return std::nullopt;
  return column.getString();
}

}  // namespace

const std::string& SelectEndpointSql() {
  static const std::string kSql = "SELECT " + EndpointColumnList() +
                                  " FROM sip_endpoints WHERE project_id = ?1 AND"
                                  " (id = ?2 OR resource_id = ?2)";
  return kSql;
}

const std::string& SelectEndpointWithProfileSql() {
  static const std::string kSql = sb::SelectEndpointWithProfileSql(EndpointColumnList(false), "?");
  return kSql;
}

const std::string& InsertSql() {
  static const std::string kSql = [] {
    std::string marks;
    for (std::size_t i = 0; i < EndpointColumns().size(); ++i) marks += i ? ", ?" : "?";
    return "INSERT INTO sip_endpoints (" + EndpointColumnList() + ") VALUES (" + marks + ")";
  }();
  return kSql;
}

// Every column but the ids and the project, which never change.
const std::string& UpdateSql() {
  static const std::string kSql = [] {
    std::string sets;
    const auto& columns = EndpointColumns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string& c = columns[i];
      if (IsFixedEndpointColumn(c))
        continue;
      sets += (sets.empty() ? "" : ", ") + c + " = ?" + std::to_string(i + 1);
    }
    return "UPDATE sip_endpoints SET " + sets + " WHERE id = ?1";
  }();
  return kSql;
}

void BindEndpoint(SQLite::Statement& s, const StoredEndpoint& stored) {
  const SipEndpoint& e = stored.endpoint;
  const SipCredentials& c = stored.credentials;
  int i = 1;
  s.bind(i++, e.id);
  s.bind(i++, e.resource_id);
  s.bind(i++, e.address_id);
  s.bind(i++, e.project_id);
  s.bind(i++, e.username);
  BindText(s, i++, e.display_name);
  BindText(s, i++, e.caller_id);
  BindText(s, i++, e.send_as);
  s.bind(i++, JoinList(e.ciphers));
  s.bind(i++, JoinList(e.codecs));
  s.bind(i++, e.encryption);
  s.bind(i++, std::string(CallHandlerName(e.call_handler)));
  BindText(s, i++, e.calling_handler_resource_id);
  for (const auto& companion : e.companions) BindText(s, i++, companion);
  auto text_or_null = [](const std::string& v) {
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
  };
  BindText(s, i++, text_or_null(c.ha1));
  BindText(s, i++, text_or_null(c.ha1_sha256));
  BindText(s, i++, text_or_null(c.ha1b));
  if (c.sealed_password.empty()) {
    s.bind(i++);
  } else {
    s.bind(i++, c.sealed_password.data(), static_cast<int>(c.sealed_password.size()));
  }
  BindText(s, i++, text_or_null(c.key_id));
  s.bind(i++, static_cast<std::int64_t>(e.created_at));
  s.bind(i++, static_cast<std::int64_t>(e.updated_at));
}

StoredEndpoint ReadEndpoint(SQLite::Statement& s) {
  StoredEndpoint stored;
  SipEndpoint& e = stored.endpoint;
  SipCredentials& c = stored.credentials;
  int i = 0;
  e.id = s.getColumn(i++).getString();
  e.resource_id = s.getColumn(i++).getString();
  e.address_id = s.getColumn(i++).getString();
  e.project_id = s.getColumn(i++).getString();
  e.username = s.getColumn(i++).getString();
  e.display_name = ColumnText(s, i++);
  e.caller_id = ColumnText(s, i++);
  e.send_as = ColumnText(s, i++);
  e.ciphers = SplitList(s.getColumn(i++).getString());
  e.codecs = SplitList(s.getColumn(i++).getString());
  e.encryption = s.getColumn(i++).getString();
  e.call_handler = ParseCallHandler(s.getColumn(i++).getString()).value_or(CallHandler::kDefault);
  e.calling_handler_resource_id = ColumnText(s, i++);
  for (auto& companion : e.companions) companion = ColumnText(s, i++);
  c.ha1 = ColumnText(s, i++).value_or("");
  c.ha1_sha256 = ColumnText(s, i++).value_or("");
  c.ha1b = ColumnText(s, i++).value_or("");
  auto blob = s.getColumn(i++);
  if (!blob.isNull()) {
    const auto* bytes = static_cast<const std::uint8_t*>(blob.getBlob());
    c.sealed_password.assign(bytes, bytes + blob.getBytes());
  }
  c.key_id = ColumnText(s, i++).value_or("");
  e.created_at = s.getColumn(i++).getInt64();
  e.updated_at = s.getColumn(i++).getInt64();
  return stored;
}

SipProfile ReadSipProfile(SQLite::Statement& s, int first) {
  SipProfile p;
  p.domain_identifier = s.getColumn(first).getString();
  p.default_codecs = SplitList(s.getColumn(first + 1).getString());
  p.default_ciphers = SplitList(s.getColumn(first + 2).getString());
  p.default_encryption = s.getColumn(first + 3).getString();
  if (!s.getColumn(first + 4).isNull())
    p.default_send_as = s.getColumn(first + 4).getString();
  p.default_outbound_policy = s.getColumn(first + 5).getString();
  return p;
}

}  // namespace sb
