#include "storage/postgres/pg_resource_store.h"

#include <algorithm>

#include "storage/postgres/pg_endpoint_rows.h"

namespace sb {
namespace {

constexpr const char* kWebhookColumns =
    "resource_id, project_id, name, used_for, primary_request_url, primary_request_method, "
    "fallback_request_url, fallback_request_method, status_callback_url, status_callback_method, "
    "created_at, updated_at";

std::optional<std::string> Text(const pqxx::field& f) {
  if (f.is_null())
    return std::nullopt;
  return f.as<std::string>();
}

PgParams WebhookParams(const SwmlWebhook& w) {
  return {w.resource_id,
          w.project_id,
          w.name,
          w.used_for,
          w.primary_request_url,
          w.primary_request_method,
          w.fallback_request_url,
          w.fallback_request_method,
          w.status_callback_url,
          w.status_callback_method,
          std::to_string(w.created_at),
          std::to_string(w.updated_at)};
}

SwmlWebhook ReadWebhook(const pqxx::row& r) {
  SwmlWebhook w;
  w.resource_id = r[0].as<std::string>();
  w.project_id = r[1].as<std::string>();
  w.name = r[2].as<std::string>();
  w.used_for = r[3].as<std::string>();
  w.primary_request_url = r[4].as<std::string>();
  w.primary_request_method = r[5].as<std::string>();
  w.fallback_request_url = Text(r[6]);
  w.fallback_request_method = Text(r[7]);
  w.status_callback_url = Text(r[8]);
  w.status_callback_method = Text(r[9]);
  w.created_at = r[10].as<long long>();
  w.updated_at = r[11].as<long long>();
  return w;
}

Result<SwmlWebhook> FindWebhook(PgTransaction& tx, const std::string& project_id,
                                const std::string& id, bool lock) {
  auto rows = tx.Exec(std::string("SELECT ") + kWebhookColumns +
                          " FROM swml_webhooks WHERE project_id = $1 AND resource_id = $2" +
                          (lock ? " FOR UPDATE" : ""),
                      {project_id, id});
  if (rows.empty())
    return Fail(Error::NotFound());
  return ReadWebhook(rows[0]);
}

Result<FabricResource> FindResource(PgTransaction& tx, const std::string& project_id,
                                    const std::string& id) {
  auto endpoint = tx.Exec(PgSelectEndpointSql(), {project_id, id});
  if (!endpoint.empty())
    return FabricResource{"sip_endpoint", PgReadEndpoint(endpoint[0]), {}};
  auto webhook = FindWebhook(tx, project_id, id, false);
  if (!webhook)
    return Fail(webhook.error());
  return FabricResource{"swml_webhook", {}, std::move(*webhook)};
}

}  // namespace

Result<void> PgResourceStore::InsertWebhook(const SwmlWebhook& webhook) {
  return db_->Transact<void>([&](PgTransaction& tx) -> Result<void> {
    tx.Exec("INSERT INTO resources (id, project_id, type, created_at) VALUES ($1, $2, $3, $4)",
            {webhook.resource_id, webhook.project_id, "swml_webhook",
             std::to_string(webhook.created_at)});
    tx.Exec(std::string("INSERT INTO swml_webhooks (") + kWebhookColumns +
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            WebhookParams(webhook));
    return {};
  });
}

Result<SwmlWebhook> PgResourceStore::GetWebhook(const std::string& project_id,
                                                const std::string& resource_id) {
  return db_->Read<SwmlWebhook>(
      [&](PgTransaction& tx) { return FindWebhook(tx, project_id, resource_id, false); });
}

Result<SwmlWebhook> PgResourceStore::UpdateWebhook(const std::string& project_id,
                                                   const std::string& resource_id,
                                                   const WebhookMutation& mutate) {
  return db_->Transact<SwmlWebhook>([&](PgTransaction& tx) -> Result<SwmlWebhook> {
    auto current = FindWebhook(tx, project_id, resource_id, true);
    if (!current)
      return current;
    auto next = mutate(std::move(*current));
    if (!next)
      return next;
    tx.Exec(
        "UPDATE swml_webhooks SET name = $3, used_for = $4, primary_request_url = $5, "
        "primary_request_method = $6, fallback_request_url = $7, fallback_request_method = $8, "
        "status_callback_url = $9, status_callback_method = $10, updated_at = $12 "
        "WHERE resource_id = $1 AND project_id = $2 AND created_at = $11",
        WebhookParams(*next));
    return next;
  });
}

Result<FabricResource> PgResourceStore::GetResource(const std::string& project_id,
                                                    const std::string& id) {
  return db_->Read<FabricResource>(
      [&](PgTransaction& tx) { return FindResource(tx, project_id, id); });
}

Result<void> PgResourceStore::DeleteResource(const std::string& project_id, const std::string& id,
                                             const std::optional<std::string>& type) {
  return db_->Transact<void>([&](PgTransaction& tx) -> Result<void> {
    auto deleted = tx.Exec(
        "DELETE FROM resources WHERE project_id = $1 AND ($3::text IS NULL OR type = $3) AND "
        "(id = $2 OR id = (SELECT resource_id FROM sip_endpoints WHERE project_id = $1 AND "
        "id = $2))",
        {project_id, id, type});
    if (deleted.affected_rows() == 0)
      return Fail(Error::NotFound());
    return {};
  });
}

Result<ResourcePage> PgResourceStore::ListResources(const ResourceListQuery& q) {
  return db_->Read<ResourcePage>([&](PgTransaction& tx) -> Result<ResourcePage> {
    bool before = q.cursor && q.cursor->direction == PageDirection::kBefore;
    std::string where =
        " WHERE project_id = $1 AND ($2::text IS NULL OR type = $2) AND ($3::uuid IS NULL OR TRUE)"
        " AND ($4::bigint IS NULL OR TRUE)";
    std::string sql = "SELECT id FROM resources" + where;
    if (q.cursor)
      sql += before ? " AND id > $3" : " AND id < $3";
    sql += before ? " ORDER BY id ASC LIMIT $4" : " ORDER BY id DESC LIMIT $4";
    std::optional<std::string> key;
    if (q.cursor)
      key = q.cursor->sort_key;
    std::vector<std::string> ids;
    for (const auto& row : tx.Exec(
             sql, {q.project_id, q.type, key, std::to_string(before ? q.limit : q.limit + 1)})) {
      ids.push_back(row[0].as<std::string>());
    }
    ResourcePage page;
    if (before) {
      std::reverse(ids.begin(), ids.end());
      std::string probe = "SELECT EXISTS (SELECT 1 FROM resources" + where +
                          (ids.empty() ? " AND id <= $3" : " AND id < $3") + ")";
      std::optional<std::string> bound = ids.empty() ? key : std::optional<std::string>(ids.back());
      page.has_older = tx.Exec(probe, {q.project_id, q.type, bound, "0"})[0][0].as<bool>();
    } else if (ids.size() > q.limit) {
      ids.pop_back();
      page.has_older = true;
    }
    for (const auto& id : ids) {
      auto resource = FindResource(tx, q.project_id, id);
      if (!resource)
        return Fail(resource.error());
      page.rows.push_back(std::move(*resource));
    }
    return page;
  });
}

}  // namespace sb
