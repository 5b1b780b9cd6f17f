#include "storage/sqlite/sqlite_checkpointer.h"

#include "storage/sqlite/sqlite_database.h"

namespace sb {

SqliteCheckpointer::SqliteCheckpointer(const std::string& path)
    : SqliteCheckpointer(path, Thresholds{}) {}

SqliteCheckpointer::SqliteCheckpointer(const std::string& path, Thresholds thresholds)
    : thresholds_(thresholds),
      connection_(std::make_unique<SqliteConnection>(path)),
      thread_([this] { Run(); }) {}

SqliteCheckpointer::~SqliteCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void SqliteCheckpointer::Attach(SqliteConnection& connection) {
  // Replaces the hook that sqlite3_wal_autocheckpoint installs: the connection stops
  // checkpointing by itself.
  sqlite3_wal_hook(connection.db().getHandle(), &SqliteCheckpointer::OnCommit, this);
}

int SqliteCheckpointer::OnCommit(void* self, sqlite3* db, const char*, int wal_pages) {
  auto* checkpointer = static_cast<SqliteCheckpointer*>(self);
  if (wal_pages >= checkpointer->thresholds_.blocking_pages) {
    checkpointer->Restart(db);
  } else if (wal_pages >= checkpointer->thresholds_.background_pages) {
    {
      std::lock_guard lock(checkpointer->mutex_);
      checkpointer->wanted_ = true;
    }
    checkpointer->wake_.notify_one();
  }
  return SQLITE_OK;
}

void SqliteCheckpointer::Restart(sqlite3* db) {
  // On the committing thread, after its commit: the write lock is already released, so waiting
  // here holds no SQLite lock.
  std::uint64_t seen = restarts_.load();
  ++restarts_waiting_;
  {
    std::lock_guard lock(checkpoint_mutex_);
    // Another commit past the threshold restarted the WAL while this one waited: nothing is left
    // to bound, and a second RESTART would only pause the writers again.
    if (restarts_.load() == seen) {
      // SQLITE_BUSY (another process's checkpoint, or a reader stayed past the busy timeout)
      // leaves the WAL as it is; the next commit past the threshold tries again.
      if (sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr) ==
          SQLITE_OK)
        ++restarts_;
    }
  }
  --restarts_waiting_;
}

void SqliteCheckpointer::Run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return wanted_ || stopping_; });
    if (stopping_)
      return;
    wanted_ = false;
    lock.unlock();
    // A failure (SQLITE_BUSY while another checkpoint runs, an I/O error) leaves the pages in
    // the WAL, where readers still find them; the next commit past the threshold tries again.
    if (restarts_waiting_.load() == 0) {
      std::lock_guard checkpoint(checkpoint_mutex_);
      sqlite3_wal_checkpoint_v2(connection_->db().getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                nullptr, nullptr);
    }
    lock.lock();
  }
}

}  // namespace sb
