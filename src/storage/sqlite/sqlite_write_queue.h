#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/error.h"

namespace sb {

class SqliteCheckpointer;
class SqliteConnection;

// SqliteDatabase's group commit (docs/design/sqlite-durability.md, "Group commit"). Writes
// queue for one writer thread, which runs whatever is queued (at most kMaxBatch) in one
// transaction on a connection of its own, each write inside its own savepoint, and hands the
// batch on; a syncer thread syncs the WAL once for every batch committed since its last sync,
// and only then answers their writes. The writer commits the next batch meanwhile, so readers
// may see a batch before its sync returns (never an acknowledgement before it).
//
// One connection for every batch: SQLite drops a connection's whole page cache when it starts a
// transaction after another connection has committed, so batches on whichever pool connection
// was free fetched every page they touched again (12 preads a create at 10k endpoints, against
// 5, the checkpointer's, with one). Thread-safe.
class SqliteWriteQueue {
 public:
  // One queued write: `run` executes it on the writer's connection and says whether it
  // succeeded (its savepoint is then released, else rolled back). `failure` is set when the
  // batch as a whole failed, which overrides whatever `run` produced. `finish` answers the
  // write, once, on one of the queue's threads; it must not block, throw or queue a write and
  // wait for it.
  struct Write {
    std::function<bool(SqliteConnection&)> run;
    std::function<void(std::optional<Error> failure)> finish;
    std::optional<Error> failure;
  };

  // Opens the writer's and the syncer's connections to `path` (the writer's checkpoints are
  // `checkpointer`'s) and starts the threads. `commits` counts the write transactions that
  // ended, whatever their outcome.
  SqliteWriteQueue(const std::string& path, SqliteCheckpointer& checkpointer,
                   std::atomic<std::uint64_t>& commits);
  // Commits, syncs and answers what is still queued, then stops the threads.
  ~SqliteWriteQueue();
  SqliteWriteQueue(const SqliteWriteQueue&) = delete;
  SqliteWriteQueue& operator=(const SqliteWriteQueue&) = delete;

  void Enqueue(std::unique_ptr<Write> write);
  // Returns once every write queued so far has been answered.
  void WaitForWrites();

  // Writes committed together at most (a bound on one transaction's latency).
  static constexpr std::size_t kMaxBatch = 64;

 private:
  using Batch = std::vector<std::unique_ptr<Write>>;
  // The writer thread: commits batches and hands them to the syncer, until stopped and drained.
  void RunWriter();
  // The syncer thread: syncs the WAL for the batches committed since its last sync, then answers
  // their writes (all of them failed when the sync failed).
  void RunSyncer();
  // Runs `batch` in one transaction on the writer's connection; false when it failed as a whole
  // (each write's `failure` then says why).
  bool CommitBatch(const Batch& batch);
  // Answers `writes` (their `failure` decides how).
  void Finish(Batch& writes);

  std::atomic<std::uint64_t>& commits_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex write_mutex_;
  std::condition_variable write_queued_;
  std::deque<std::unique_ptr<Write>> queued_;
  bool writer_stopping_ = false;
  std::size_t unanswered_ = 0;  // queued and not yet answered
  std::condition_variable all_answered_;
  std::thread writer_thread_;
  // Committed batches waiting for the syncer, which syncs the WAL through syncer_ (an fdatasync
  // covers the file whichever descriptor it goes through; writer_ is busy with the next batch).
  std::unique_ptr<SqliteConnection> syncer_;
  std::mutex sync_mutex_;
  std::condition_variable committed_;
  Batch unsynced_;
  bool syncer_stopping_ = false;
  std::thread syncer_thread_;
};

}  // namespace sb
