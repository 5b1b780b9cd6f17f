#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <sqlite3.h>

namespace sb {

class SqliteConnection;

// Checkpoints the WAL (copies its pages back into the database file) on a thread of its own, so
// that no commit waits for one. By default SQLite checkpoints inside the commit that crosses
// 1,000 WAL pages; under a stream of creates that was nearly every batch, and the group commit's
// leader, with every write queued behind it, waited for the copy and its fsync.
//
// Checkpoints are PASSIVE: they copy what no reader still needs and never block readers or
// writers. Attached connections stop checkpointing themselves and wake this thread once a commit
// leaves `background_pages` or more in the WAL.
//
// A PASSIVE checkpoint never rewinds the WAL: SQLite starts writing it from the beginning again
// only when a checkpoint has copied every frame, and under a steady stream of writes new frames
// arrive while the copy runs, so the file grew without bound (22 GB while loading 1,000,000
// endpoints). Past `blocking_pages`, the committing connection therefore runs a RESTART
// checkpoint itself: writers wait while it copies the rest and until readers have left the WAL,
// and the next commit writes from the start of the file. That bounds the WAL near
// `blocking_pages`, at the price of one pause for writers each time it is reached.
//
// SQLite does not wait for its checkpoint lock: a RESTART that finds a PASSIVE checkpoint running
// fails at once. Under a steady stream of writes the background thread ran PASSIVE checkpoints
// back to back, so most RESTARTs failed (114 of 137 in one run of the steady-writes test) and in
// a loaded CI run the WAL kept 111 MB of the 157 MB written. Both checkpoints therefore take
// `checkpoint_mutex_`: a RESTART waits for the PASSIVE under way to finish, the background thread
// starts no new one while a RESTART waits, and a RESTART that finds another one done while it
// waited skips its own. (Another process's checkpoint can still make it fail; the next commit
// past the threshold tries again.)
// Thread-safe.
class SqliteCheckpointer {
 public:
  struct Thresholds {
    int background_pages = 4096;  // 16 MiB of 4 KiB pages
    int blocking_pages = 65536;   // 256 MiB
  };

  explicit SqliteCheckpointer(const std::string& path);
  SqliteCheckpointer(const std::string& path, Thresholds thresholds);
  ~SqliteCheckpointer();  // stops the thread (a checkpoint under way finishes first)
  SqliteCheckpointer(const SqliteCheckpointer&) = delete;
  SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

  // Hands `connection`'s checkpoints over to this thread. The connection must be closed before
  // this object is destroyed.
  void Attach(SqliteConnection& connection);

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages);
  void Restart(sqlite3* db);
  void Run();

  const Thresholds thresholds_;
  std::unique_ptr<SqliteConnection> connection_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::mutex checkpoint_mutex_;             // held by whichever checkpoint runs
  std::atomic<int> restarts_waiting_{0};    // the background thread yields to these
  std::atomic<std::uint64_t> restarts_{0};  // RESTARTs that succeeded
  std::thread thread_;
};

}  // namespace sb
