#include "service/store_copy.h"

#include <algorithm>

namespace sb {
namespace {

constexpr std::size_t kPage = 500;

// Every endpoint of a project, oldest first.
Result<std::vector<StoredEndpoint>> AllEndpoints(EndpointStore& store, const std::string& project) {
  std::vector<StoredEndpoint> all;
  EndpointListQuery query{.project_id = project, .limit = kPage, .with_credentials = true};
  while (true) {
    auto page = store.List(query);
    if (!page)
      return Fail(page.error());
    for (auto& row : page->rows) all.push_back(std::move(row));
    if (!page->has_older || page->rows.empty())
      break;
    query.cursor = PageToken{PageDirection::kAfter, all.back().endpoint.id};
  }
  std::reverse(all.begin(), all.end());
  return all;
}

// Every SWML webhook of a project, oldest first.
Result<std::vector<SwmlWebhook>> AllWebhooks(ResourceStore& store, const std::string& project) {
  std::vector<SwmlWebhook> all;
  ResourceListQuery query{.project_id = project, .type = "swml_webhook", .limit = kPage};
  while (true) {
    auto page = store.ListResources(query);
    if (!page)
      return Fail(page.error());
    for (auto& row : page->rows) all.push_back(std::move(*row.webhook));
    if (!page->has_older || page->rows.empty())
      break;
    query.cursor = PageToken{PageDirection::kAfter, all.back().resource_id};
  }
  std::reverse(all.begin(), all.end());
  return all;
}

Result<StoreCounts> CountProject(StoreSet stores, const std::string& project) {
  auto tokens = stores.projects.ListTokens(project);
  auto endpoints = AllEndpoints(stores.endpoints, project);
  auto webhooks = AllWebhooks(stores.resources, project);
  if (!tokens)
    return Fail(tokens.error());
  if (!endpoints)
    return Fail(endpoints.error());
  if (!webhooks)
    return Fail(webhooks.error());
  return StoreCounts{1, tokens->size(), endpoints->size(), webhooks->size()};
}

void Add(StoreCounts& total, const StoreCounts& part) {
  total.projects += part.projects;
  total.tokens += part.tokens;
  total.endpoints += part.endpoints;
  total.webhooks += part.webhooks;
}

// Whether a read of the target found the record (so the copy keeps the target's).
template <class T>
Result<bool> Exists(const Result<T>& found) {
  if (found)
    return true;
  if (found.error().code == ErrorCode::kNotFound)
    return false;
  return Fail(found.error());
}

Result<void> CopySuffix(StoreSet from, StoreSet to) {
  auto source = from.projects.SipDomainSuffix();
  auto target = to.projects.SipDomainSuffix();
  if (!source)
    return Fail(source.error());
  if (!target)
    return Fail(target.error());
  if (!*source)
    return {};
  if (*target && **target != **source) {
    return Fail(Error::FailedPrecondition({}, "the target records the SIP domain suffix \"" +
                                                  **target + "\", the source \"" + **source +
                                                  "\": digests would not match"));
  }
  // The target has no suffix yet or the same one: nothing is re-derived.
  return to.projects.SetSipDomainSuffix(**source, [](const StoredEndpoint&, const std::string&) {
    return Result<SipCredentials>(Fail(Error::Internal("unexpected re-derivation")));
  });
}

Result<void> CopyTokens(StoreSet from, StoreSet to, const std::string& project) {
  auto tokens = from.projects.ExportTokens(project);
  auto existing = to.projects.ListTokens(project);
  if (!tokens)
    return Fail(tokens.error());
  if (!existing)
    return Fail(existing.error());
  for (const auto& stored : *tokens) {
    bool present = std::any_of(existing->begin(), existing->end(),
                               [&](const ApiToken& t) { return t.id == stored.token.id; });
    if (present)
      continue;
    if (auto created = to.projects.CreateToken(stored.token, stored.secret_hash); !created)
      return created;
    if (stored.token.revoked_at) {
      auto revoked = to.projects.RevokeToken(project, stored.token.id, *stored.token.revoked_at);
      if (!revoked)
        return revoked;
    }
  }
  return {};
}

Result<void> CopyWebhooks(StoreSet from, StoreSet to, const std::string& project) {
  auto webhooks = AllWebhooks(from.resources, project);
  if (!webhooks)
    return Fail(webhooks.error());
  for (const auto& webhook : *webhooks) {
    auto present = Exists(to.resources.GetWebhook(project, webhook.resource_id));
    if (!present)
      return Fail(present.error());
    if (*present)
      continue;
    if (auto inserted = to.resources.InsertWebhook(webhook); !inserted)
      return inserted;
  }
  return {};
}

// Endpoints go in oldest first without their handler references, which may name endpoints not
// copied yet; a second pass puts the references back, unchanged (updated_at included).
Result<void> CopyEndpoints(StoreSet from, StoreSet to, const std::string& project) {
  auto endpoints = AllEndpoints(from.endpoints, project);
  if (!endpoints)
    return Fail(endpoints.error());
  std::vector<const StoredEndpoint*> with_reference;
  for (const auto& stored : *endpoints) {
    auto present = Exists(to.endpoints.Get(project, stored.endpoint.id));
    if (!present)
      return Fail(present.error());
    if (*present)
      continue;
    StoredEndpoint copy = stored;
    if (copy.endpoint.calling_handler_resource_id) {
      copy.endpoint.calling_handler_resource_id.reset();
      with_reference.push_back(&stored);
    }
    if (auto inserted = to.endpoints.Insert(copy); !inserted)
      return inserted;
  }
  for (const StoredEndpoint* stored : with_reference) {
    auto updated =
        to.endpoints.Update(project, stored->endpoint.id,
                            [stored](StoredEndpoint) -> Result<StoredEndpoint> { return *stored; });
    if (!updated)
      return Fail(updated.error());
  }
  return {};
}

}  // namespace

Result<StoreCounts> CountStore(StoreSet stores) {
  auto projects = stores.projects.ListProjects();
  if (!projects)
    return Fail(projects.error());
  StoreCounts total;
  for (const auto& project : *projects) {
    auto counts = CountProject(stores, project.id);
    if (!counts)
      return Fail(counts.error());
    Add(total, *counts);
  }
  return total;
}

Result<StoreCounts> CopyStore(StoreSet from, StoreSet to, const CopyOptions& options) {
  auto empty = to.projects.IsEmpty();
  if (!empty)
    return Fail(empty.error());
  if (!*empty && !options.into_non_empty) {
    return Fail(Error::FailedPrecondition(
        {},
        "the target store already holds projects (copy into it anyway with "
        "--into-non-empty: records it already has are kept)"));
  }
  if (auto suffix = CopySuffix(from, to); !suffix)
    return Fail(suffix.error());
  auto projects = from.projects.ListProjects();
  if (!projects)
    return Fail(projects.error());
  StoreCounts source_total;
  for (const auto& project : *projects) {
    auto present = Exists(to.projects.GetProject(project.id));
    if (!present)
      return Fail(present.error());
    if (!*present) {
      if (auto created = to.projects.CreateProject(project); !created)
        return Fail(created.error());
    }
    for (auto step : {CopyTokens, CopyWebhooks, CopyEndpoints}) {
      if (auto copied = step(from, to, project.id); !copied)
        return Fail(copied.error());
    }
    // Verify: the target holds as many records of each kind for this project as the source.
    auto source = CountProject(from, project.id);
    auto target = CountProject(to, project.id);
    if (!source)
      return Fail(source.error());
    if (!target)
      return Fail(target.error());
    if (!(*source == *target)) {
      return Fail(Error::Internal(
          "project " + project.id + ": the target holds " + std::to_string(target->endpoints) +
          " endpoints, " + std::to_string(target->tokens) + " tokens and " +
          std::to_string(target->webhooks) + " webhooks after the copy, the source " +
          std::to_string(source->endpoints) + ", " + std::to_string(source->tokens) + " and " +
          std::to_string(source->webhooks)));
    }
    Add(source_total, *source);
    if (options.progress) {
      options.progress("project " + project.id + " \"" + project.name +
                       "\": " + std::to_string(source->endpoints) + " endpoints, " +
                       std::to_string(source->tokens) + " tokens, " +
                       std::to_string(source->webhooks) + " webhooks");
    }
  }
  return source_total;
}

}  // namespace sb
