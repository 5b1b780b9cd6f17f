#include "storage/sqlite/sqlite_write_queue.h"

#include <algorithm>
#include <iterator>

#include <sqlite3.h>

#include "storage/sqlite/sqlite_checkpointer.h"
#include "storage/sqlite/sqlite_database.h"

namespace sb {

SqliteWriteQueue::SqliteWriteQueue(const std::string& path, SqliteCheckpointer& checkpointer,
                                   std::atomic<std::uint64_t>& commits)
    : commits_(commits),
      writer_(std::make_unique<SqliteConnection>(path,
                                                 SqliteConnection::WalWrites::kGatheredPerCommit)),
      syncer_(std::make_unique<SqliteConnection>(path)) {
  checkpointer.Attach(*writer_);
  // A first read opens the connection's WAL file, which SyncWal syncs.
  syncer_->db().exec("SELECT count(*) FROM sqlite_schema");
  writer_thread_ = std::thread([this] { RunWriter(); });
  syncer_thread_ = std::thread([this] { RunSyncer(); });
}

SqliteWriteQueue::~SqliteWriteQueue() {
  {
    std::lock_guard lock(write_mutex_);
    writer_stopping_ = true;
  }
  write_queued_.notify_one();
  writer_thread_.join();
  {
    std::lock_guard lock(sync_mutex_);
    syncer_stopping_ = true;
  }
  committed_.notify_one();
  syncer_thread_.join();
}

void SqliteWriteQueue::Enqueue(std::unique_ptr<Write> write) {
  {
    std::lock_guard lock(write_mutex_);
    queued_.push_back(std::move(write));
    ++unanswered_;
  }
  write_queued_.notify_one();
}

void SqliteWriteQueue::RunWriter() {
  while (true) {
    Batch batch;
    {
      std::unique_lock lock(write_mutex_);
      write_queued_.wait(lock, [&] { return !queued_.empty() || writer_stopping_; });
      if (queued_.empty())
        return;
      // Whatever queued while the last batch ran: new writes queue for the next one meanwhile.
      std::size_t n = std::min(queued_.size(), kMaxBatch);
      std::move(queued_.begin(), queued_.begin() + static_cast<std::ptrdiff_t>(n),
                std::back_inserter(batch));
      queued_.erase(queued_.begin(), queued_.begin() + static_cast<std::ptrdiff_t>(n));
    }
    bool committed = CommitBatch(batch);
    writer_->ResetUsed();
    if (!committed) {
      Finish(batch);
      continue;
    }
    // The sync runs on the syncer thread while this one commits the next batch
    // (docs/design/sqlite-durability.md, "The WAL synced after the lead is handed on").
    {
      std::lock_guard lock(sync_mutex_);
      std::move(batch.begin(), batch.end(), std::back_inserter(unsynced_));
    }
    committed_.notify_one();
  }
}

void SqliteWriteQueue::RunSyncer() {
  while (true) {
    Batch writes;
    {
      std::unique_lock lock(sync_mutex_);
      committed_.wait(lock, [&] { return !unsynced_.empty() || syncer_stopping_; });
      if (unsynced_.empty())
        return;
      writes.swap(unsynced_);
    }
    try {
      syncer_->SyncWal();
    } catch (const std::exception& e) {
      // Committed, and visible to readers, but not known to be on disk: none of these writes is
      // acknowledged (a retry finds a create done and answers that the name is taken).
      Error error = SqliteDatabase::MapException(e);
      for (auto& w : writes) w->failure = error;
    }
    Finish(writes);
  }
}

void SqliteWriteQueue::Finish(Batch& writes) {
  for (auto& w : writes) {
    try {
      w->finish(std::move(w->failure));
    } catch (...) {
      // `done` must not throw; the other writes are answered all the same.
    }
  }
  std::lock_guard lock(write_mutex_);
  unanswered_ -= writes.size();
  if (unanswered_ == 0)
    all_answered_.notify_all();
}

void SqliteWriteQueue::WaitForWrites() {
  std::unique_lock lock(write_mutex_);
  all_answered_.wait(lock, [&] { return unanswered_ == 0; });
}

bool SqliteWriteQueue::CommitBatch(const Batch& batch) {
  SqliteConnection& connection = *writer_;
  auto fail_all = [&](const Error& error) {
    for (const auto& w : batch) w->failure = error;
  };
  try {
    // Counted whatever the outcome (SQLite may have committed before reporting an error): a
    // read that starts after this batch's writers are answered must not reuse an older snapshot.
    struct CountCommit {
      std::atomic<std::uint64_t>& commits;
      ~CountCommit() { commits.fetch_add(1); }
    } count_commit{commits_};
    connection.EndSnapshot();  // a write transaction cannot start inside the held read one
    auto& db = connection.db();
    // Cached statements: these run once or twice a write, on the path every write waits for.
    auto run = [&](const char* sql) { connection.Prepare(sql).exec(); };
    run("BEGIN IMMEDIATE");
    try {
      for (const auto& w : batch) {
        run("SAVEPOINT write");
        bool ok = w->run(connection);
        if (sqlite3_get_autocommit(db.getHandle()) != 0) {
          // SQLite rolled the whole transaction back by itself (disk full, I/O error): the
          // writes before this one are gone too, and none of them was acknowledged yet.
          fail_all(Error::Unavailable("the write transaction was rolled back by SQLite"));
          return false;
        }
        if (!ok)
          run("ROLLBACK TO write");
        run("RELEASE write");
      }
      run("COMMIT");
      return true;
    } catch (...) {
      try {
        db.exec("ROLLBACK");
      } catch (...) {
        // The transaction may already be gone (SQLite rolls back on some errors itself).
      }
      throw;
    }
  } catch (const std::exception& e) {
    fail_all(SqliteDatabase::MapException(e));
    return false;
  }
}

}  // namespace sb
