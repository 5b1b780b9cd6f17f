#include "service/resource_service.h"

#include <algorithm>

#include "domain/resource_rules.h"
#include "domain/sip_profile.h"

namespace sb {

Result<SwmlWebhook> ResourceService::CreateWebhook(const std::string& project_id,
                                                   const SwmlWebhookPatch& patch) {
  auto built = ApplySwmlWebhookPatch(SwmlWebhook{}, patch, /*create=*/true);
  if (!built)
    return built;
  built->resource_id = ids_.NewId();
  built->project_id = project_id;
  built->created_at = built->updated_at = clock_.Now();
  if (auto stored = resources_.InsertWebhook(*built); !stored)
    return Fail(stored.error());
  return built;
}

Result<SwmlWebhook> ResourceService::GetWebhook(const std::string& project_id,
                                                const std::string& id) {
  return resources_.GetWebhook(project_id, id);
}

Result<SwmlWebhook> ResourceService::UpdateWebhook(const std::string& project_id,
                                                   const std::string& id,
                                                   const SwmlWebhookPatch& patch) {
  return resources_.UpdateWebhook(project_id, id, [&](SwmlWebhook current) -> Result<SwmlWebhook> {
    Micros previous = current.updated_at;
    auto next = ApplySwmlWebhookPatch(std::move(current), patch,
                                      /*create=*/false);
    if (next)
      next->updated_at = std::max(clock_.Now(), previous + 1);
    return next;
  });
}

Result<ResourceView> ResourceService::GetResource(const std::string& project_id,
                                                  const std::string& id) {
  auto resource = resources_.GetResource(project_id, id);
  if (!resource)
    return Fail(resource.error());
  if (resource->webhook)
    return ResourceView{resource->type, {}, std::move(resource->webhook)};
  auto project = projects_.GetProject(project_id);
  if (!project)
    return Fail(project.error());
  return ResourceView{resource->type,
                      ResolveInherited(std::move(resource->endpoint->endpoint), project->profile),
                      {}};
}

Result<void> ResourceService::DeleteResource(const std::string& project_id, const std::string& id,
                                             const std::optional<std::string>& type) {
  auto deleted = resources_.DeleteResource(project_id, id, type);
  if (!deleted && deleted.error().code == ErrorCode::kFailedPrecondition) {
    return Fail(ResourceAssignedAsHandler());
  }
  return deleted;
}

Result<ResourceListResult> ResourceService::ListResources(const ResourceListQuery& query) {
  auto project = projects_.GetProject(query.project_id);
  if (!project)
    return Fail(project.error());
  auto page = resources_.ListResources(query);
  if (!page)
    return Fail(page.error());
  ResourceListResult out;
  out.has_older = page->has_older;
  for (auto& r : page->rows) {
    if (r.endpoint) {
      out.resources.push_back(
          {r.type, ResolveInherited(std::move(r.endpoint->endpoint), project->profile), {}});
    } else {
      out.resources.push_back({r.type, {}, std::move(r.webhook)});
    }
  }
  return out;
}

Result<SipEndpoint> ResourceService::Assign(const std::string& project_id,
                                            const std::string& resource_id,
                                            const std::string& sip_endpoint_id) {
  auto resource = resources_.GetResource(project_id, resource_id);
  if (!resource)
    return Fail(resource.error());
  EndpointPatch patch;
  patch.call_handler.Set("resource");
  patch.calling_handler_resource_id.Set(resource->id());
  return endpoints_.Update(project_id, sip_endpoint_id, patch, Surface::kFabric);
}

}  // namespace sb
