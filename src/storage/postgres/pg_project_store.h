#pragma once

#include <memory>

#include "storage/postgres/pg_database.h"
#include "storage/project_store.h"

namespace sb {

// ProjectStore on PostgreSQL. Thread-safe.
class PgProjectStore final : public ProjectStore {
 public:
  explicit PgProjectStore(std::shared_ptr<PgDatabase> db) : db_(std::move(db)) {}

  Result<void> CreateProject(const Project& project) override;
  Result<Project> GetProject(const std::string& project_id) override;
  Result<std::vector<Project>> ListProjects() override;
  Result<SipProfile> UpdateProfile(const std::string& project_id, const ProfileChange& change,
                                   const Rederive& rederive) override;
  Result<void> CreateToken(const ApiToken& token, const std::string& secret_hash) override;
  Result<TokenMatch> FindToken(const std::string& secret_hash) override;
  Result<std::vector<ApiToken>> ListTokens(const std::string& project_id) override;
  Result<std::vector<StoredToken>> ExportTokens(const std::string& project_id) override;
  Result<void> RevokeToken(const std::string& project_id, const std::string& token_id,
                           Micros when) override;
  Result<bool> IsEmpty() override;
  Result<void> Ping() override;
  Result<void> SetSipDomainSuffix(const std::string& suffix, const Rederive& rederive) override;
  Result<std::optional<std::string>> SipDomainSuffix() override;

 private:
  std::shared_ptr<PgDatabase> db_;
};

}  // namespace sb
