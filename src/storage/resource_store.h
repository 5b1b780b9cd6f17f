#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/page_token.h"
#include "domain/sip_endpoint.h"
#include "domain/swml_webhook.h"

namespace sb {

// One entry of the Fabric resource registry, whichever its type.
struct FabricResource {
  std::string type;  // "sip_endpoint" or "swml_webhook"
  std::optional<StoredEndpoint> endpoint;
  std::optional<SwmlWebhook> webhook;

  const std::string& id() const {
    return endpoint ? endpoint->endpoint.resource_id : webhook->resource_id;
  }
};

struct ResourceListQuery {
  std::string project_id;
  std::optional<std::string> type;  // only resources of this type
  std::optional<PageToken> cursor;
  std::size_t limit = 50;
};

struct ResourcePage {
  std::vector<FabricResource> rows;  // newest first (resource id descending)
  bool has_older = false;
};

// The Fabric resource registry and the SWML webhook resources. Conventions as in EndpointStore
// (project-scoped, Result errors, thread-safe). SIP endpoints are written through EndpointStore;
// here they are only listed, read and deleted as resources.
class ResourceStore {
 public:
  virtual ~ResourceStore() = default;

  virtual Result<void> InsertWebhook(const SwmlWebhook& webhook) = 0;
  virtual Result<SwmlWebhook> GetWebhook(const std::string& project_id,
                                         const std::string& resource_id) = 0;  // kNotFound
  using WebhookMutation = std::function<Result<SwmlWebhook>(SwmlWebhook current)>;
  // Read, mutate, write in one transaction, as EndpointStore::Update.
  virtual Result<SwmlWebhook> UpdateWebhook(const std::string& project_id,
                                            const std::string& resource_id,
                                            const WebhookMutation& mutate) = 0;

  // Any resource by its resource id (a SIP endpoint also by its endpoint id). kNotFound.
  virtual Result<FabricResource> GetResource(const std::string& project_id,
                                             const std::string& id) = 0;
  // Removes a resource (of `type` when given) with everything that hangs on it. kNotFound;
  // kFailedPrecondition while an endpoint uses it as its call handler.
  virtual Result<void> DeleteResource(const std::string& project_id, const std::string& id,
                                      const std::optional<std::string>& type) = 0;
  virtual Result<ResourcePage> ListResources(const ResourceListQuery& query) = 0;
};

}  // namespace sb
