#include "storage/sqlite/sqlite_endpoint_store.h"

#include <algorithm>

#include "domain/endpoint_rules.h"
#include "storage/endpoint_columns.h"
#include "storage/list_codec.h"
#include "storage/sqlite/sqlite_endpoint_rows.h"

namespace sb {
namespace {

Result<StoredEndpoint> Find(SqliteConnection& connection, const std::string& project_id,
                            const std::string& id) {
  auto& s = connection.Prepare(SelectEndpointSql());
  s.bind(1, project_id);
  s.bind(2, id);
  if (!s.executeStep())
    return Fail(Error::NotFound());
  return ReadEndpoint(s);
}

// A phrase for the trigram index: the needle in double quotes (quotes doubled). Needles under
// three characters have no trigram, so they are matched by LIKE alone.
std::optional<std::string> SearchPhrase(const std::optional<std::string>& needle,
                                        const char* column) {
  if (!needle || Utf8Length(*needle) < 3)
    return std::nullopt;
  std::string phrase = std::string(column) + " : \"";
  for (char c : *needle) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
  return phrase + "\"";
}

// The index narrows the candidates; LIKE keeps the exact meaning (ASCII case-insensitive,
// literal % and _).
std::string SearchMatch(const EndpointListQuery& q) {
  std::string match;
  for (const auto& phrase : {SearchPhrase(q.username_contains, "username"),
                             SearchPhrase(q.caller_id_contains, "caller_id")}) {
    if (phrase)
      match += (match.empty() ? "" : " AND ") + *phrase;
  }
  return match;
}

// The WHERE clause shared by the page query and the "is there more" probe. ?6: search phrase.
std::string FilterClause(const EndpointListQuery& q) {
  bool search = !SearchMatch(q).empty();
  // With a search phrase, let the trigram index drive: `+project_id` keeps the planner from
  // walking every row of the project in id order instead (measured: 2.6 ms against 15 ms at
  // 100,000 endpoints for a filter matching 100 of them).
  std::string where = search ? " WHERE +project_id = ?1" : " WHERE project_id = ?1";
  if (q.username_contains)
    where += " AND username LIKE ?2 ESCAPE '\\'";
  if (q.caller_id_contains)
    where += " AND caller_id LIKE ?3 ESCAPE '\\'";
  if (search) {
    where +=
        " AND rowid IN (SELECT rowid FROM sip_endpoints_search WHERE sip_endpoints_search MATCH "
        "?6)";
  }
  return where;
}

void BindFilters(SQLite::Statement& s, const EndpointListQuery& q) {
  s.bind(1, q.project_id);
  if (q.username_contains)
    s.bind(2, LikeContains(*q.username_contains));
  if (q.caller_id_contains)
    s.bind(3, LikeContains(*q.caller_id_contains));
  if (auto match = SearchMatch(q); !match.empty())
    s.bind(6, match);
}

// One page: newest first after a PA cursor, oldest first (then reversed) before a PB cursor.
std::string PageSql(const EndpointListQuery& q) {
  bool before = q.cursor && q.cursor->direction == PageDirection::kBefore;
  std::string sql = "SELECT " + EndpointColumnList() + " FROM sip_endpoints" + FilterClause(q);
  if (q.cursor)
    sql += before ? " AND id > ?4" : " AND id < ?4";
  sql += before ? " ORDER BY id ASC LIMIT ?5" : " ORDER BY id DESC LIMIT ?5";
  return sql;
}

}  // namespace

Result<void> SqliteEndpointStore::Insert(const StoredEndpoint& endpoint) {
  return db_->Write<void>([&](SqliteConnection& connection) -> Result<void> {
    auto& resource = connection.Prepare(
        "INSERT INTO resources (id, project_id, type, created_at) VALUES (?1, ?2, ?3, ?4)");
    resource.bind(1, endpoint.endpoint.resource_id);
    resource.bind(2, endpoint.endpoint.project_id);
    resource.bind(3, "sip_endpoint");
    resource.bind(4, static_cast<std::int64_t>(endpoint.endpoint.created_at));
    resource.exec();
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
    // Deregister first: the registrar keeps no cache (db_mode 3), so the contacts are gone.
    auto& contacts = connection.Prepare(
        "DELETE FROM location WHERE (username, domain) IN (SELECT e.username, "
        "p.domain_identifier || '.' || s.value FROM sip_endpoints e "
        "JOIN projects p ON p.id = e.project_id "
        "JOIN server_settings s ON s.name = 'sip_domain_suffix' "
        "WHERE e.project_id = ?1 AND (e.id = ?2 OR e.resource_id = ?2))");
    contacts.bind(1, project_id);
    contacts.bind(2, id);
    contacts.exec();
    // Deleting the resource row cascades to the endpoint; the foreign key from other endpoints'
    // calling_handler_resource_id refuses it while the endpoint is someone's handler.
    auto& s = connection.Prepare(
        "DELETE FROM resources WHERE project_id = ?1 AND type = 'sip_endpoint' AND id = "
        "(SELECT resource_id FROM sip_endpoints WHERE project_id = ?1 AND "
        "(id = ?2 OR resource_id = ?2))");
    s.bind(1, project_id);
    s.bind(2, id);
    if (s.exec() == 0)
      return Fail(Error::NotFound());
    return {};
  });
}

Result<std::string> SqliteEndpointStore::ExplainListForTest(const EndpointListQuery& q) {
  return db_->Run<std::string>([&](SqliteConnection& connection) -> Result<std::string> {
    auto& s = connection.Prepare("EXPLAIN QUERY PLAN " + PageSql(q));
    BindFilters(s, q);
    if (q.cursor)
      s.bind(4, q.cursor->sort_key);
    s.bind(5, static_cast<std::int64_t>(q.limit));
    std::string plan;
    while (s.executeStep()) plan += s.getColumn(3).getString() + "\n";
    return plan;
  });
}

Result<EndpointPage> SqliteEndpointStore::List(const EndpointListQuery& q) {
  return db_->Run<EndpointPage>([&](SqliteConnection& connection) -> Result<EndpointPage> {
    bool before = q.cursor && q.cursor->direction == PageDirection::kBefore;
    auto& s = connection.Prepare(PageSql(q));
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

Result<std::vector<Registration>> SqliteEndpointStore::Registrations(const std::string& project_id,
                                                                     const std::string& id) {
  return db_->Run<std::vector<Registration>>(
      [&](SqliteConnection& connection) -> Result<std::vector<Registration>> {
        if (auto found = Find(connection, project_id, id); !found)
          return Fail(found.error());
        auto& s = connection.Prepare(
            "SELECT l.contact, coalesce(l.received, ''), coalesce(l.socket, ''), l.user_agent, "
            // Kamailio's db_sqlite writes datetimes as Julian day numbers; datetime() reads both.
            "datetime(l.expires) FROM location l "
            "JOIN sip_endpoints e ON l.username = e.username "
            "JOIN projects p ON p.id = e.project_id "
            "JOIN server_settings s ON s.name = 'sip_domain_suffix' "
            "WHERE e.project_id = ?1 AND (e.id = ?2 OR e.resource_id = ?2) "
            "AND l.domain = p.domain_identifier || '.' || s.value ORDER BY l.id");
        s.bind(1, project_id);
        s.bind(2, id);
        std::vector<Registration> out;
        while (s.executeStep()) {
          Registration r;
          r.contact = s.getColumn(0).getString();
          ParseRegistrarAddress(s.getColumn(1).getString(), s.getColumn(2).getString(), r);
          r.user_agent = s.getColumn(3).getString();
          r.expires_at = s.getColumn(4).getString();
          out.push_back(std::move(r));
        }
        return out;
      });
}

Result<bool> SqliteEndpointStore::ResourceExists(const std::string& project_id,
                                                 const std::string& resource_id) {
  return db_->Run<bool>([&](SqliteConnection& connection) -> Result<bool> {
    auto& s = connection.Prepare(
        "SELECT EXISTS (SELECT 1 FROM resources WHERE project_id = ?1 AND id = ?2)");
    s.bind(1, project_id);
    s.bind(2, resource_id);
    s.executeStep();
    return s.getColumn(0).getInt() != 0;
  });
}

}  // namespace sb
