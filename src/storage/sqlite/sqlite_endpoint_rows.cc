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

}  // namespace

const std::string& SelectEndpointSql() {
  static const std::string kSql = "SELECT " + EndpointColumnList() +
                                  " FROM sip_endpoints WHERE project_id = ?1 AND"
                                  " (id = ?2 OR resource_id = ?2)";
  return kSql;
}

const std::string& SelectEndpointWithProfileSql(IdHint hint) {
  // By the hinted id first, by the other only when that finds nothing: UNION ALL with LIMIT 1
  // stops at the first row, where `id = ? OR resource_id = ?` always probes both indexes. An
  // endpoint id is tried first under the rowid computed from it (?3, EndpointRowidFor: one
  // descent of the table), then through the id index, where rows stored under another rowid
  // are (those of older databases, or whose computed rowid was taken).
  static const auto kSql = [](IdHint first) {
    std::string list = EndpointColumnList(false);
    std::string by_rowid =
        sb::SelectEndpointWithProfileSql(list, "?", IdColumn(IdHint::kEndpointId)) +
        " AND sip_endpoints.rowid = ?3";
    std::string by_endpoint_id =
        by_rowid + " UNION ALL " +
        sb::SelectEndpointWithProfileSql(list, "?", IdColumn(IdHint::kEndpointId));
    std::string by_resource_id =
        sb::SelectEndpointWithProfileSql(list, "?", IdColumn(IdHint::kResourceId));
    return (first == IdHint::kEndpointId ? by_endpoint_id + " UNION ALL " + by_resource_id
                                         : by_resource_id + " UNION ALL " + by_endpoint_id) +
           " LIMIT 1";
  };
  static const std::string kByEndpointId = kSql(IdHint::kEndpointId);
  static const std::string kByResourceId = kSql(IdHint::kResourceId);
  return hint == IdHint::kEndpointId ? kByEndpointId : kByResourceId;
}

const std::string& InsertSql() {
  // The rowid (the last parameter) is EndpointRowidFor's key unless that is absent or already
  // taken, then NULL: SQLite's own choice, one more than the largest rowid.
  static const std::string kSql = [] {
    std::string marks;
    for (std::size_t i = 1; i <= EndpointColumns().size(); ++i)
      marks += (i > 1 ? ", ?" : "?") + std::to_string(i);  // numbered: ?N comes first
    std::string key = "?" + std::to_string(EndpointColumns().size() + 1);
    return "INSERT INTO sip_endpoints (rowid, " + EndpointColumnList() + ") VALUES (CASE WHEN " +
           key + " IS NULL OR EXISTS (SELECT 1 FROM sip_endpoints WHERE rowid = " + key +
           ") THEN NULL ELSE " + key + " END, " + marks + ")";
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

StoredEndpoint ReadEndpoint(const SqliteRow& row) {
  StoredEndpoint stored;
  ReadEndpointInto(row, stored);
  return stored;
}

void ReadEndpointInto(const SqliteRow& row, StoredEndpoint& into) {
  SipEndpoint& e = into.endpoint;
  SipCredentials& c = into.credentials;
  auto text = [&](int column, std::string& to) { to.assign(row.Text(column)); };
  auto optional = [&](int column, std::optional<std::string>& to) {
    if (row.IsNull(column)) {
      to.reset();
    } else if (to) {
      to->assign(row.Text(column));
    } else {
      to.emplace(row.Text(column));
    }
  };
  int i = 0;
  text(i++, e.id);
  text(i++, e.resource_id);
  text(i++, e.address_id);
  text(i++, e.project_id);
  text(i++, e.username);
  optional(i++, e.display_name);
  optional(i++, e.caller_id);
  optional(i++, e.send_as);
  e.ciphers = SplitList(row.Text(i++));
  e.codecs = SplitList(row.Text(i++));
  text(i++, e.encryption);
  e.call_handler = ParseCallHandler(row.Text(i++)).value_or(CallHandler::kDefault);
  optional(i++, e.calling_handler_resource_id);
  for (auto& companion : e.companions) optional(i++, companion);
  text(i++, c.ha1);  // NULL (no password, or not selected): empty
  text(i++, c.ha1_sha256);
  text(i++, c.ha1b);
  c.sealed_password = row.Blob(i++);
  text(i++, c.key_id);
  e.created_at = row.Int64(i++);
  e.updated_at = row.Int64(i++);
}

SipProfile ReadSipProfile(const SqliteRow& row, int first) {
  SipProfile p;
  p.domain_identifier = row.String(first);
  p.default_codecs = SplitList(row.Text(first + 1));
  p.default_ciphers = SplitList(row.Text(first + 2));
  p.default_encryption = row.String(first + 3);
  p.default_send_as = row.OptionalString(first + 4);
  p.default_outbound_policy = row.String(first + 5);
  return p;
}

}  // namespace sb
