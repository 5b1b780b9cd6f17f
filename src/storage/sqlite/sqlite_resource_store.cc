#include "storage/sqlite/sqlite_resource_store.h"

#include <algorithm>

#include "storage/sqlite/sqlite_endpoint_rows.h"

namespace sb {
namespace {

constexpr const char* kWebhookColumns =
    "resource_id, project_id, name, used_for, primary_request_url, primary_request_method, "
    "fallback_request_url, fallback_request_method, status_callback_url, status_callback_method, "
    "created_at, updated_at";

void BindOptional(SQLite::Statement& s, int index, const std::optional<std::string>& value) {
  if (value) {
    s.bind(index, *value);
  } else {
    s.bind(index);
  }
}

std::optional<std::string> Optional(SQLite::Statement& s, int index) {
  if (s.getColumn(index).isNull())
    return std::nullopt;
  return s.getColumn(index).getString();
}

void BindWebhook(SQLite::Statement& s, const SwmlWebhook& w) {
  s.bind(1, w.resource_id);
  s.bind(2, w.project_id);
  s.bind(3, w.name);
  s.bind(4, w.used_for);
  s.bind(5, w.primary_request_url);
  s.bind(6, w.primary_request_method);
  BindOptional(s, 7, w.fallback_request_url);
  BindOptional(s, 8, w.fallback_request_method);
  BindOptional(s, 9, w.status_callback_url);
  BindOptional(s, 10, w.status_callback_method);
  s.bind(11, static_cast<std::int64_t>(w.created_at));
  s.bind(12, static_cast<std::int64_t>(w.updated_at));
}

SwmlWebhook ReadWebhook(SQLite::Statement& s) {
  SwmlWebhook w;
  w.resource_id = s.getColumn(0).getString();
  w.project_id = s.getColumn(1).getString();
  w.name = s.getColumn(2).getString();
  w.used_for = s.getColumn(3).getString();
  w.primary_request_url = s.getColumn(4).getString();
  w.primary_request_method = s.getColumn(5).getString();
  w.fallback_request_url = Optional(s, 6);
  w.fallback_request_method = Optional(s, 7);
  w.status_callback_url = Optional(s, 8);
  w.status_callback_method = Optional(s, 9);
  w.created_at = s.getColumn(10).getInt64();
  w.updated_at = s.getColumn(11).getInt64();
  return w;
}

Result<SwmlWebhook> FindWebhook(SqliteConnection& c, const std::string& project_id,
                                const std::string& id) {
  auto& s = c.Prepare(std::string("SELECT ") + kWebhookColumns +
                      " FROM swml_webhooks WHERE project_id = ?1 AND resource_id = ?2");
  s.bind(1, project_id);
  s.bind(2, id);
  if (!s.executeStep())
    return Fail(Error::NotFound());
  return ReadWebhook(s);
}

Result<FabricResource> FindResource(SqliteConnection& c, const std::string& project_id,
                                    const std::string& id) {
  auto& endpoint = c.Prepare(SelectEndpointSql());
  endpoint.bind(1, project_id);
  endpoint.bind(2, id);
  if (endpoint.executeStep())
    return FabricResource{"sip_endpoint", ReadEndpoint(SqliteRow(c, endpoint)), {}};
  auto webhook = FindWebhook(c, project_id, id);
  if (!webhook)
    return Fail(webhook.error());
  return FabricResource{"swml_webhook", {}, std::move(*webhook)};
}

}  // namespace

Result<void> SqliteResourceStore::InsertWebhook(const SwmlWebhook& webhook) {
  return db_->Write<void>([&](SqliteConnection& c) -> Result<void> {
    auto& resource = c.Prepare(
        "INSERT INTO resources (id, project_id, type, created_at) VALUES (?1, ?2, ?3, ?4)");
    resource.bind(1, webhook.resource_id);
    resource.bind(2, webhook.project_id);
    resource.bind(3, "swml_webhook");
    resource.bind(4, static_cast<std::int64_t>(webhook.created_at));
    resource.exec();
    auto& s = c.Prepare(std::string("INSERT INTO swml_webhooks (") + kWebhookColumns +
                        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    BindWebhook(s, webhook);
    s.exec();
    return {};
  });
}

Result<SwmlWebhook> SqliteResourceStore::GetWebhook(const std::string& project_id,
                                                    const std::string& resource_id) {
  return db_->Read<SwmlWebhook>(
      [&](SqliteConnection& c) { return FindWebhook(c, project_id, resource_id); });
}

Result<SwmlWebhook> SqliteResourceStore::UpdateWebhook(const std::string& project_id,
                                                       const std::string& resource_id,
                                                       const WebhookMutation& mutate) {
  return db_->Write<SwmlWebhook>([&](SqliteConnection& c) -> Result<SwmlWebhook> {
    auto current = FindWebhook(c, project_id, resource_id);
    if (!current)
      return current;
    auto next = mutate(std::move(*current));
    if (!next)
      return next;
    auto& s = c.Prepare(
        "UPDATE swml_webhooks SET name = ?3, used_for = ?4, primary_request_url = ?5, "
        "primary_request_method = ?6, fallback_request_url = ?7, fallback_request_method = ?8, "
        "status_callback_url = ?9, status_callback_method = ?10, updated_at = ?12 "
        "WHERE resource_id = ?1 AND project_id = ?2");
    BindWebhook(s, *next);
    s.exec();
    return next;
  });
}

Result<FabricResource> SqliteResourceStore::GetResource(const std::string& project_id,
                                                        const std::string& id) {
  return db_->Read<FabricResource>(
      [&](SqliteConnection& c) { return FindResource(c, project_id, id); });
}

Result<void> SqliteResourceStore::DeleteResource(const std::string& project_id,
                                                 const std::string& id,
                                                 const std::optional<std::string>& type) {
  return db_->Write<void>([&](SqliteConnection& c) -> Result<void> {
    // A SIP endpoint may be named by its endpoint id as well.
    auto& s = c.Prepare(
        "DELETE FROM resources WHERE project_id = ?1 AND (?3 IS NULL OR type = ?3) AND "
        "(id = ?2 OR id = (SELECT resource_id FROM sip_endpoints WHERE project_id = ?1 AND "
        "id = ?2))");
    s.bind(1, project_id);
    s.bind(2, id);
    BindOptional(s, 3, type);
    if (s.exec() == 0)
      return Fail(Error::NotFound());
    return {};
  });
}

Result<ResourcePage> SqliteResourceStore::ListResources(const ResourceListQuery& q) {
  return db_->Read<ResourcePage>([&](SqliteConnection& c) -> Result<ResourcePage> {
    bool before = q.cursor && q.cursor->direction == PageDirection::kBefore;
    std::string where = " WHERE project_id = ?1 AND (?2 IS NULL OR type = ?2)";
    std::string sql = "SELECT id FROM resources" + where;
    if (q.cursor)
      sql += before ? " AND id > ?3" : " AND id < ?3";
    sql += before ? " ORDER BY id ASC LIMIT ?4" : " ORDER BY id DESC LIMIT ?4";
    std::vector<std::string> ids;
    {
      auto& s = c.Prepare(sql);
      s.bind(1, q.project_id);
      BindOptional(s, 2, q.type);
      if (q.cursor)
        s.bind(3, q.cursor->sort_key);
      s.bind(4, static_cast<std::int64_t>(before ? q.limit : q.limit + 1));
      while (s.executeStep()) ids.push_back(s.getColumn(0).getString());
    }
    ResourcePage page;
    if (before) {
      std::reverse(ids.begin(), ids.end());
      auto& probe = c.Prepare("SELECT EXISTS (SELECT 1 FROM resources" + where + " AND id < ?3)");
      probe.bind(1, q.project_id);
      BindOptional(probe, 2, q.type);
      probe.bind(3, ids.empty() ? q.cursor->sort_key + "~" : ids.back());
      probe.executeStep();
      page.has_older = probe.getColumn(0).getInt() != 0;
      probe.reset();
    } else if (ids.size() > q.limit) {
      ids.pop_back();
      page.has_older = true;
    }
    for (const auto& id : ids) {
      auto resource = FindResource(c, q.project_id, id);
      if (!resource && resource.error().code == ErrorCode::kNotFound)
        continue;  // deleted just now
      if (!resource)
        return Fail(resource.error());
      page.rows.push_back(std::move(*resource));
    }
    return page;
  });
}

}  // namespace sb
