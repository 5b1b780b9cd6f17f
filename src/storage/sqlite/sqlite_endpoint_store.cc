#include "storage/sqlite/sqlite_endpoint_store.h"

#include <algorithm>

#include "storage/endpoint_columns.h"
#include "storage/list_codec.h"

namespace sb {
namespace {

const std::string& SelectById() {
  static const std::string kSql = "SELECT " + EndpointColumnList() +
                                  " FROM sip_endpoints WHERE project_id = ?1 AND"
                                  " (id = ?2 OR resource_id = ?2)";
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

// Every column but id, resource_id and project_id, which never change.
const std::string& UpdateSql() {
  static const std::string kSql = [] {
    std::string sets;
    const auto& columns = EndpointColumns();
    for (std::size_t i = 3; i < columns.size(); ++i) {
      sets += (i > 3 ? ", " : "") + columns[i] + " = ?" + std::to_string(i + 1);
    }
    return "UPDATE sip_endpoints SET " + sets + " WHERE id = ?1";
  }();
  return kSql;
}

void BindText(SQLite::Statement& s, int index, const std::optional<std::string>& value) {
  if (value) {
    s.bind(index, *value);
  } else {
    s.bind(index);
  }
}

void BindEndpoint(SQLite::Statement& s, const StoredEndpoint& stored) {
  const SipEndpoint& e = stored.endpoint;
  const SipCredentials& c = stored.credentials;
  int i = 1;
  s.bind(i++, e.id);
  s.bind(i++, e.resource_id);
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

std::optional<std::string> ColumnText(SQLite::Statement& s, int index) {
  auto column = s.getColumn(index);
  if (column.isNull())
    return std::nullopt;
  return column.getString();
}

StoredEndpoint ReadEndpoint(SQLite::Statement& s) {
  StoredEndpoint stored;
  SipEndpoint& e = stored.endpoint;
  SipCredentials& c = stored.credentials;
  int i = 0;
  e.id = s.getColumn(i++).getString();
  e.resource_id = s.getColumn(i++).getString();
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

Result<StoredEndpoint> Find(SqliteConnection& connection, const std::string& project_id,
                            const std::string& id) {
  auto& s = connection.Prepare(SelectById());
  s.bind(1, project_id);
  s.bind(2, id);
  if (!s.executeStep())
    return Fail(Error::NotFound());
  return ReadEndpoint(s);
}

// The WHERE clause shared by the page query and the "is there more" probe.
std::string FilterClause(const EndpointListQuery& q) {
  std::string where = " WHERE project_id = ?1";
  if (q.username_contains)
    where += " AND username LIKE ?2 ESCAPE '\\'";
  if (q.caller_id_contains)
    where += " AND caller_id LIKE ?3 ESCAPE '\\'";
  return where;
}

void BindFilters(SQLite::Statement& s, const EndpointListQuery& q) {
  s.bind(1, q.project_id);
  if (q.username_contains)
    s.bind(2, LikeContains(*q.username_contains));
  if (q.caller_id_contains)
    s.bind(3, LikeContains(*q.caller_id_contains));
}

}  // namespace

Result<void> SqliteEndpointStore::Insert(const StoredEndpoint& endpoint) {
  return db_->Write<void>([&](SqliteConnection& connection) -> Result<void> {
    auto& s = connection.Prepare(InsertSql());
    BindEndpoint(s, endpoint);
    s.exec();
    return {};
  });
}

Result<StoredEndpoint> SqliteEndpointStore::Get(const std::string& project_id,
                                                const std::string& id) {
  return db_->Run<StoredEndpoint>(
      [&](SqliteConnection& connection) { return Find(connection, project_id, id); });
}

Result<StoredEndpoint> SqliteEndpointStore::Update(const std::string& project_id,
                                                   const std::string& id, const Mutation& mutate) {
  return db_->Write<StoredEndpoint>([&](SqliteConnection& connection) -> Result<StoredEndpoint> {
    auto current = Find(connection, project_id, id);
    if (!current)
      return current;
    auto next = mutate(std::move(*current));
    if (!next)
      return next;
    auto& s = connection.Prepare(UpdateSql());
    BindEndpoint(s, *next);
    s.exec();
    return next;
  });
}

Result<void> SqliteEndpointStore::Delete(const std::string& project_id, const std::string& id) {
  return db_->Write<void>([&](SqliteConnection& connection) -> Result<void> {
    auto& s = connection.Prepare(
        "DELETE FROM sip_endpoints WHERE project_id = ?1 AND (id = ?2 OR resource_id = ?2)");
    s.bind(1, project_id);
    s.bind(2, id);
    if (s.exec() == 0)
      return Fail(Error::NotFound());
    return {};
  });
}

Result<EndpointPage> SqliteEndpointStore::List(const EndpointListQuery& q) {
  return db_->Run<EndpointPage>([&](SqliteConnection& connection) -> Result<EndpointPage> {
    bool before = q.cursor && q.cursor->direction == PageDirection::kBefore;
    std::string sql = "SELECT " + EndpointColumnList() + " FROM sip_endpoints" + FilterClause(q);
    if (q.cursor)
      sql += before ? " AND id > ?4" : " AND id < ?4";
    sql += before ? " ORDER BY id ASC LIMIT ?5" : " ORDER BY id DESC LIMIT ?5";
    auto& s = connection.Prepare(sql);
    BindFilters(s, q);
    if (q.cursor)
      s.bind(4, q.cursor->sort_key);
    // Forward pages fetch one extra row to learn whether a next page exists.
    s.bind(5, static_cast<std::int64_t>(before ? q.limit : q.limit + 1));
    EndpointPage page;
    while (s.executeStep()) page.rows.push_back(ReadEndpoint(s));
    if (before) {
      std::reverse(page.rows.begin(), page.rows.end());
      // Rows older than this page exist unless the cursor pointed past the end.
      std::string bound = page.rows.empty() ? q.cursor->sort_key : page.rows.back().endpoint.id;
      auto& probe = connection.Prepare("SELECT EXISTS (SELECT 1 FROM sip_endpoints" +
                                       FilterClause(q) + " AND id < ?4)");
      BindFilters(probe, q);
      probe.bind(4, page.rows.empty() ? bound + "~" : bound);
      probe.executeStep();
      page.has_older = probe.getColumn(0).getInt() != 0;
    } else if (page.rows.size() > q.limit) {
      page.rows.pop_back();
      page.has_older = true;
    }
    return page;
  });
}

Result<bool> SqliteEndpointStore::ResourceExists(const std::string& project_id,
                                                 const std::string& resource_id) {
  return db_->Run<bool>([&](SqliteConnection& connection) -> Result<bool> {
    auto& s = connection.Prepare(
        "SELECT EXISTS (SELECT 1 FROM sip_endpoints WHERE project_id = ?1 AND resource_id = ?2)");
    s.bind(1, project_id);
    s.bind(2, resource_id);
    s.executeStep();
    return s.getColumn(0).getInt() != 0;
  });
}

}  // namespace sb
