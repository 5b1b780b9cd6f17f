#include "app/instrumented_stores.h"

#include <chrono>

namespace sb {
namespace {

// Records an operation that started at `start` and ended now with `result`.
template <class T>
void Record(Metrics& metrics, std::string_view operation,
            std::chrono::steady_clock::time_point start, const Result<T>& result) {
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  metrics.RecordStoreOperation(operation, elapsed,
                               result ? std::string_view() : ErrorCodeName(result.error().code));
}

// Times `call` and records it under `operation`.
template <class Call>
auto Observe(Metrics& metrics, std::string_view operation, Call&& call) {
  auto start = std::chrono::steady_clock::now();
  auto result = call();
  Record(metrics, operation, start, result);
  return result;
}

class InstrumentedEndpointStore final : public EndpointStore {
 public:
  InstrumentedEndpointStore(std::unique_ptr<EndpointStore> inner, Metrics& metrics)
      : inner_(std::move(inner)), metrics_(metrics) {}

  Result<void> Insert(const StoredEndpoint& endpoint) override {
    return Observe(metrics_, "endpoint_insert", [&] { return inner_->Insert(endpoint); });
  }
  void InsertAsync(StoredEndpoint endpoint, InsertDone done) override {
    auto start = std::chrono::steady_clock::now();
    inner_->InsertAsync(std::move(endpoint),
                        [this, start, done = std::move(done)](Result<void> result) {
                          Record(metrics_, "endpoint_insert", start, result);
                          done(std::move(result));
                        });
  }
  bool InsertsWithoutWaiting() const override { return inner_->InsertsWithoutWaiting(); }
  Result<StoredEndpoint> Get(const std::string& project_id, const std::string& id) override {
    return Observe(metrics_, "endpoint_get", [&] { return inner_->Get(project_id, id); });
  }
  Result<EndpointWithProfile> GetWithProfile(const std::string& project_id, const std::string& id,
                                             IdHint hint) override {
    return Observe(metrics_, "endpoint_get_with_profile",
                   [&] { return inner_->GetWithProfile(project_id, id, hint); });
  }
  void GetWithProfileAsync(const std::string& project_id, const std::string& id, IdHint hint,
                           GetWithProfileDone done) override {
    auto start = std::chrono::steady_clock::now();
    inner_->GetWithProfileAsync(
        project_id, id, hint,
        [this, start, done = std::move(done)](Result<EndpointWithProfile> result) {
          Record(metrics_, "endpoint_get_with_profile", start, result);
          done(std::move(result));
        });
  }
  void StopAsyncCalls() override { inner_->StopAsyncCalls(); }
  Result<StoredEndpoint> Update(const std::string& project_id, const std::string& id,
                                const Mutation& mutate) override {
    return Observe(metrics_, "endpoint_update",
                   [&] { return inner_->Update(project_id, id, mutate); });
  }
  Result<void> Delete(const std::string& project_id, const std::string& id) override {
    return Observe(metrics_, "endpoint_delete", [&] { return inner_->Delete(project_id, id); });
  }
  // The time includes the visitor's (rendering the rows as they are read).
  Result<EndpointPageInfo> VisitList(const EndpointListQuery& query,
                                     const EndpointRowVisitor& visit) override {
    return Observe(metrics_, "endpoint_list", [&] { return inner_->VisitList(query, visit); });
  }
  Result<std::vector<Registration>> Registrations(const std::string& project_id,
                                                  const std::string& id) override {
    return Observe(metrics_, "endpoint_registrations",
                   [&] { return inner_->Registrations(project_id, id); });
  }
  Result<bool> ResourceExists(const std::string& project_id,
                              const std::string& resource_id) override {
    return Observe(metrics_, "resource_exists",
                   [&] { return inner_->ResourceExists(project_id, resource_id); });
  }

 private:
  std::unique_ptr<EndpointStore> inner_;
  Metrics& metrics_;
};

class InstrumentedProjectStore final : public ProjectStore {
 public:
  InstrumentedProjectStore(std::unique_ptr<ProjectStore> inner, Metrics& metrics)
      : inner_(std::move(inner)), metrics_(metrics) {}

  Result<void> CreateProject(const Project& project) override {
    return Observe(metrics_, "project_create", [&] { return inner_->CreateProject(project); });
  }
  Result<Project> GetProject(const std::string& project_id) override {
    return Observe(metrics_, "project_get", [&] { return inner_->GetProject(project_id); });
  }
  Result<std::vector<Project>> ListProjects() override {
    return Observe(metrics_, "project_list", [&] { return inner_->ListProjects(); });
  }
  Result<SipProfile> UpdateProfile(const std::string& project_id, const ProfileChange& change,
                                   const Rederive& rederive) override {
    return Observe(metrics_, "profile_update",
                   [&] { return inner_->UpdateProfile(project_id, change, rederive); });
  }
  Result<void> CreateToken(const ApiToken& token, const std::string& secret_hash) override {
    return Observe(metrics_, "token_create",
                   [&] { return inner_->CreateToken(token, secret_hash); });
  }
  Result<TokenMatch> FindToken(const std::string& secret_hash) override {
    return Observe(metrics_, "token_find", [&] { return inner_->FindToken(secret_hash); });
  }
  Result<std::vector<ApiToken>> ListTokens(const std::string& project_id) override {
    return Observe(metrics_, "token_list", [&] { return inner_->ListTokens(project_id); });
  }
  Result<std::vector<StoredToken>> ExportTokens(const std::string& project_id) override {
    return Observe(metrics_, "token_export", [&] { return inner_->ExportTokens(project_id); });
  }
  Result<std::optional<std::string>> SipDomainSuffix() override {
    return Observe(metrics_, "sip_domain_suffix_get", [&] { return inner_->SipDomainSuffix(); });
  }
  Result<void> RevokeToken(const std::string& project_id, const std::string& token_id,
                           Micros when) override {
    return Observe(metrics_, "token_revoke",
                   [&] { return inner_->RevokeToken(project_id, token_id, when); });
  }
  Result<bool> IsEmpty() override {
    return Observe(metrics_, "project_is_empty", [&] { return inner_->IsEmpty(); });
  }
  Result<void> SetSipDomainSuffix(const std::string& suffix, const Rederive& rederive) override {
    return Observe(metrics_, "sip_domain_suffix_set",
                   [&] { return inner_->SetSipDomainSuffix(suffix, rederive); });
  }
  Result<void> Ping() override {
    return Observe(metrics_, "ping", [&] { return inner_->Ping(); });
  }

 private:
  std::unique_ptr<ProjectStore> inner_;
  Metrics& metrics_;
};

class InstrumentedResourceStore final : public ResourceStore {
 public:
  InstrumentedResourceStore(std::unique_ptr<ResourceStore> inner, Metrics& metrics)
      : inner_(std::move(inner)), metrics_(metrics) {}

  Result<void> InsertWebhook(const SwmlWebhook& webhook) override {
    return Observe(metrics_, "webhook_insert", [&] { return inner_->InsertWebhook(webhook); });
  }
  Result<SwmlWebhook> GetWebhook(const std::string& project_id,
                                 const std::string& resource_id) override {
    return Observe(metrics_, "webhook_get",
                   [&] { return inner_->GetWebhook(project_id, resource_id); });
  }
  Result<SwmlWebhook> UpdateWebhook(const std::string& project_id, const std::string& resource_id,
                                    const WebhookMutation& mutate) override {
    return Observe(metrics_, "webhook_update",
                   [&] { return inner_->UpdateWebhook(project_id, resource_id, mutate); });
  }
  Result<FabricResource> GetResource(const std::string& project_id,
                                     const std::string& id) override {
    return Observe(metrics_, "resource_get", [&] { return inner_->GetResource(project_id, id); });
  }
  Result<void> DeleteResource(const std::string& project_id, const std::string& id,
                              const std::optional<std::string>& type) override {
    return Observe(metrics_, "resource_delete",
                   [&] { return inner_->DeleteResource(project_id, id, type); });
  }
  Result<ResourcePage> ListResources(const ResourceListQuery& query) override {
    return Observe(metrics_, "resource_list", [&] { return inner_->ListResources(query); });
  }

 private:
  std::unique_ptr<ResourceStore> inner_;
  Metrics& metrics_;
};

}  // namespace

Stores Instrument(Stores stores, Metrics& metrics) {
  stores.endpoints =
      std::make_unique<InstrumentedEndpointStore>(std::move(stores.endpoints), metrics);
  stores.projects = std::make_unique<InstrumentedProjectStore>(std::move(stores.projects), metrics);
  stores.resources =
      std::make_unique<InstrumentedResourceStore>(std::move(stores.resources), metrics);
  return stores;
}

}  // namespace sb
