#pragma once

#include <string>

#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/swml_webhook.h"
#include "service/endpoint_service.h"
#include "storage/resource_store.h"

namespace sb {

// A registry entry as clients see it (an endpoint's inherited settings resolved).
struct ResourceView {
  std::string type;
  std::optional<SipEndpoint> endpoint;
  std::optional<SwmlWebhook> webhook;
};

struct ResourceListResult {
  std::vector<ResourceView> resources;  // newest first
  bool has_older = false;
};

// The Fabric resource use cases: the registry, SWML webhooks, and assigning a resource as an
// endpoint's call handler. Thread-safe.
class ResourceService {
 public:
  ResourceService(ResourceStore& resources, ProjectStore& projects, EndpointService& endpoints,
                  IdGenerator& ids, const Clock& clock)
      : resources_(resources),
        projects_(projects),
        endpoints_(endpoints),
        ids_(ids),
        clock_(clock) {}

  Result<SwmlWebhook> CreateWebhook(const std::string& project_id, const SwmlWebhookPatch& patch);
  Result<SwmlWebhook> GetWebhook(const std::string& project_id, const std::string& id);
  Result<SwmlWebhook> UpdateWebhook(const std::string& project_id, const std::string& id,
                                    const SwmlWebhookPatch& patch);

  Result<ResourceView> GetResource(const std::string& project_id, const std::string& id);
  // kNotFound; 422 resource_assigned_as_handler while an endpoint uses it.
  Result<void> DeleteResource(const std::string& project_id, const std::string& id,
                              const std::optional<std::string>& type);
  Result<ResourceListResult> ListResources(const ResourceListQuery& query);

  // Makes `resource_id` the call handler of the endpoint `sip_endpoint_id` (either of its ids):
  // call_handler "resource" (CONTRACT 6). kNotFound when either is unknown in the project.
  Result<SipEndpoint> Assign(const std::string& project_id, const std::string& resource_id,
                             const std::string& sip_endpoint_id);

 private:
  ResourceStore& resources_;
  ProjectStore& projects_;
  EndpointService& endpoints_;
  IdGenerator& ids_;
  const Clock& clock_;
};

}  // namespace sb
