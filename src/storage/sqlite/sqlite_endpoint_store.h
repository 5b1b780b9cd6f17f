#pragma once

#include <memory>

#include "storage/endpoint_store.h"
#include "storage/sqlite/sqlite_database.h"

namespace sb {

// EndpointStore on the embedded SQLite file. Thread-safe.
class SqliteEndpointStore final : public EndpointStore {
 public:
  explicit SqliteEndpointStore(std::shared_ptr<SqliteDatabase> db) : db_(std::move(db)) {}

  Result<void> Insert(const StoredEndpoint& endpoint) override;
  // Queued for the group commit, answered on the database's syncer thread.
  void InsertAsync(StoredEndpoint endpoint, InsertDone done) override;
  bool InsertsWithoutWaiting() const override { return true; }
  // Waits for the inserts still queued to be answered (within the busy timeout at most): they
  // may have committed, so they are not failed.
  void StopAsyncCalls() override { db_->WaitForWrites(); }
  Result<StoredEndpoint> Get(const std::string& project_id, const std::string& id) override;
  Result<EndpointWithProfile> GetWithProfile(const std::string& project_id, const std::string& id,
                                             IdHint hint) override;
  Result<StoredEndpoint> Update(const std::string& project_id, const std::string& id,
                                const Mutation& mutate) override;
  Result<void> Delete(const std::string& project_id, const std::string& id) override;
  Result<EndpointPageInfo> VisitList(const EndpointListQuery& query,
                                     const EndpointRowVisitor& visit) override;
  Result<std::vector<Registration>> Registrations(const std::string& project_id,
                                                  const std::string& id) override;
  Result<bool> ResourceExists(const std::string& project_id,
                              const std::string& resource_id) override;

  // The query plan of the page query for `query` (EXPLAIN QUERY PLAN), for the index tests.
  Result<std::string> ExplainListForTest(const EndpointListQuery& query);

 private:
  std::shared_ptr<SqliteDatabase> db_;
};

}  // namespace sb
