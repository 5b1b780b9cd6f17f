#pragma once

#include <memory>

#include "storage/endpoint_store.h"
#include "storage/postgres/pg_database.h"
#include "storage/postgres/pg_pipeline.h"

namespace sb {

// EndpointStore on PostgreSQL. Thread-safe; any number of processes may share the database.
//
// GetWithProfileAsync runs on a PgPipeline of its own (`pipeline_connections` more connections
// to the server): concurrent GETs share round trips and hold no thread while they wait. One
// connection by default: its backend runs a batch of lookups at a time, and in alternating runs
// on two cores it served at least as many GETs as two or four (docs/performance.md).
class PgEndpointStore final : public EndpointStore {
 public:
  explicit PgEndpointStore(std::shared_ptr<PgDatabase> db, std::size_t pipeline_connections = 1);

  Result<void> Insert(const StoredEndpoint& endpoint) override;
  Result<StoredEndpoint> Get(const std::string& project_id, const std::string& id) override;
  Result<EndpointWithProfile> GetWithProfile(const std::string& project_id, const std::string& id,
                                             IdHint hint) override;
  void GetWithProfileAsync(const std::string& project_id, const std::string& id, IdHint hint,
                           GetWithProfileDone done) override;
  void StopAsyncCalls() override { pipeline_.Stop(); }
  Result<StoredEndpoint> Update(const std::string& project_id, const std::string& id,
                                const Mutation& mutate) override;
  Result<void> Delete(const std::string& project_id, const std::string& id) override;
  Result<EndpointPageInfo> VisitList(const EndpointListQuery& query,
                                     const EndpointRowVisitor& visit) override;
  Result<std::vector<Registration>> Registrations(const std::string& project_id,
                                                  const std::string& id) override;
  Result<bool> ResourceExists(const std::string& project_id,
                              const std::string& resource_id) override;

  // The query plan of the page query for `query` (EXPLAIN), for the index tests.
  Result<std::string> ExplainListForTest(const EndpointListQuery& query);

 private:
  // Looks the endpoint up by `hint`'s id, then (unless `last`) by the other one.
  void LookUp(const std::string& project_id, const std::string& id, IdHint hint, bool last,
              GetWithProfileDone done);

  std::shared_ptr<PgDatabase> db_;
  PgPipeline pipeline_;
};

}  // namespace sb
