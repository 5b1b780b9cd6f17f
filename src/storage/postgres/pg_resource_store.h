#pragma once

#include <memory>

#include "storage/postgres/pg_database.h"
#include "storage/resource_store.h"

namespace sb {

// ResourceStore on PostgreSQL. Thread-safe.
class PgResourceStore final : public ResourceStore {
 public:
  explicit PgResourceStore(std::shared_ptr<PgDatabase> db) : db_(std::move(db)) {}

  Result<void> InsertWebhook(const SwmlWebhook& webhook) override;
  Result<SwmlWebhook> GetWebhook(const std::string& project_id,
                                 const std::string& resource_id) override;
  Result<SwmlWebhook> UpdateWebhook(const std::string& project_id, const std::string& resource_id,
                                    const WebhookMutation& mutate) override;
  Result<FabricResource> GetResource(const std::string& project_id, const std::string& id) override;
  Result<void> DeleteResource(const std::string& project_id, const std::string& id,
                              const std::optional<std::string>& type) override;
  Result<ResourcePage> ListResources(const ResourceListQuery& query) override;

 private:
  std::shared_ptr<PgDatabase> db_;
};

}  // namespace sb
