#include "storage/sqlite/sqlite_database.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <stdexcept>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "storage/sqlite/sqlite_checkpointer.h"
#include "storage/sqlite/sqlite_vfs.h"
#include "storage/sqlite/sqlite_write_queue.h"

namespace sb {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kSubJournalMemoryBytes = 4 << 20;  // per connection, while a write runs

// Process-wide settings; they must be made before SQLite initializes (when something initialized
// it first, sqlite3_config refuses and SQLite's defaults stay).
void ConfigureSqlite() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Allocation statistics take a global mutex on every malloc and free, which all connections
    // contend on; nothing here reads them.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    // Each write of a group commit runs in its own savepoint, and SQLite keeps the original of
    // every page a savepoint changes in a sub-journal so that it can roll back to it. By default
    // a sub-journal past 64 KiB goes to a temporary file: two pwrite calls for every page a
    // create touches (about 30 with the substring index), 70% of the write syscalls of a stream
    // of creates. Held in memory up to this size, beyond it spilled to a file as before, in
    // chunks of this size, which our VFS cuts into pieces SQLite's unix VFS takes
    // (storage/sqlite/sqlite_vfs.h).
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kSubJournalMemoryBytes);
    // No bulk allocation when a page cache opens (20 pages, ~88 KiB, by default). A filtered list
    // opens a temporary b-tree for its `rowid IN (...)` every time; freeing its bulk block let
    // malloc hand the memory back to the kernel (madvise) and fault it in again on the next
    // request: 16% of a filtered list's time. Pages are then allocated one by one as used.
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0);
  });
}

// The sqlite3_stmt behind the statement just prepared for `sql`, found among the connection's
// statements by its text (the cache holds one statement per text).
sqlite3_stmt* FindHandle(sqlite3* db, const std::string& sql) {
  for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s != nullptr;
       s = sqlite3_next_stmt(db, s)) {
    if (const char* text = sqlite3_sql(s); text != nullptr && sql == text)
      return s;
  }
  return nullptr;
}

// The VFS a connection opens with. Configures SQLite first: looking a VFS up initializes SQLite,
// after which its process-wide settings can no longer be made.
std::string VfsFor(SqliteWalWrites wal_writes) {
  ConfigureSqlite();
  return SqliteVfsName(wal_writes);
}

}  // namespace

// NOMUTEX: SQLite's multi-thread mode. The pool lends each connection to one thread at a time,
// so SQLite's own per-connection mutex only added contention (measured: GET by id went from
// 0.31 to 0.42 of /healthz without it).
SqliteConnection::SqliteConnection(const std::string& path, WalWrites wal_writes)
    : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, kBusyTimeoutMs,
          VfsFor(wal_writes)) {
  db_.exec("PRAGMA journal_mode = WAL");
  if (wal_writes == WalWrites::kGatheredPerCommit) {
    // FULL: a commit asks for a sync of its frames before it publishes them, which is when the
    // gathering VFS writes them (and only writes them). Checkpoints' syncs are FULL syncs, which
    // it passes on; fullfsync stays OFF so that a commit's request is a NORMAL one.
    db_.exec("PRAGMA synchronous = FULL");
    db_.exec("PRAGMA fullfsync = OFF");
    db_.exec("PRAGMA checkpoint_fullfsync = ON");
  } else {
    // NORMAL: a commit writes the WAL without syncing it; SqliteDatabase syncs it itself before
    // it acknowledges anything (SyncWal), after handing the write lock on. Checkpoints still
    // sync the WAL before copying it and the database file after.
    db_.exec("PRAGMA synchronous = NORMAL");
  }
  db_.exec("PRAGMA foreign_keys = ON");
  // The query planner stability guarantee: plans never depend on bound values. Without it, a
  // statement with `LIKE ?` is compiled again every time its pattern is bound (SQLite checks
  // whether the pattern allows its prefix optimization), which was 29% of a filtered list; our
  // patterns start with % and never allow it.
  sqlite3_db_config(db_.getHandle(), SQLITE_DBCONFIG_ENABLE_QPSG, 1, nullptr);
}

SQLite::Statement& SqliteConnection::Prepare(const std::string& sql) {
  auto& statement = statements_[sql];
  if (!statement) {
    statement = std::make_unique<SQLite::Statement>(db_, sql);
    handles_[statement.get()] = FindHandle(db_.getHandle(), sql);
    used_.push_back(statement.get());
  } else {
    try {
      statement->reset();
    } catch (const SQLite::Exception&) {
      // reset() repeats the error of the statement's last run (a UNIQUE violation of an earlier
      // write in the same batch, say); the statement is reset all the same.
    }
    statement->clearBindings();
    if (std::find(used_.begin(), used_.end(), statement.get()) == used_.end())
      used_.push_back(statement.get());
  }
  return *statement;
}

sqlite3_stmt* SqliteConnection::Handle(const SQLite::Statement& statement) const {
  auto found = handles_.find(&statement);
  if (found == handles_.end() || found->second == nullptr)
    throw std::logic_error("SqliteRow needs a statement from SqliteConnection::Prepare");
  return found->second;
}

std::string_view SqliteRow::Text(int column) const {
  // sqlite3_column_text before sqlite3_column_bytes: the length is then that of the text form.
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  if (text == nullptr)
    return {};
  return {text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
}

std::optional<std::string> SqliteRow::OptionalString(int column) const {
  if (IsNull(column))
    return std::nullopt;
  return String(column);
}

std::vector<std::uint8_t> SqliteRow::Blob(int column) const {
  const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement_, column));
  if (bytes == nullptr)
    return {};
  return {bytes, bytes + sqlite3_column_bytes(statement_, column)};
}

void SqliteConnection::HoldSnapshot(HeldSnapshot tag) {
  Prepare("BEGIN").exec();
  held_ = tag;
}

void SqliteConnection::EndSnapshot() {
  if (!held_)
    return;
  held_.reset();
  if (sqlite3_get_autocommit(db_.getHandle()) != 0)
    return;  // SQLite ended the transaction itself (after an error)
  try {
    Prepare("COMMIT").exec();
  } catch (const SQLite::Exception&) {
    // A read transaction has nothing to commit; should COMMIT fail, ROLLBACK ends it all the same.
    try {
      Prepare("ROLLBACK").exec();
    } catch (const SQLite::Exception&) {
      // Nothing more to do: the next BEGIN reports whatever is wrong with the connection.
    }
  }
}

void SqliteConnection::SyncWal() {
  sqlite3_file* wal = nullptr;
  int rc = sqlite3_file_control(db_.getHandle(), "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal);
  if (rc != SQLITE_OK)
    throw SQLite::Exception("finding the WAL to sync failed", rc);
  if (wal == nullptr || wal->pMethods == nullptr)
    throw SQLite::Exception("the WAL to sync is not open", SQLITE_IOERR_FSYNC);
  // SQLite's own sync of a WAL (fdatasync; the directory too, once, after creating the file).
  rc = wal->pMethods->xSync(wal, SQLITE_SYNC_NORMAL);
  if (rc != SQLITE_OK)
    throw SQLite::Exception("syncing the WAL failed", rc);
}

void SqliteConnection::ResetUsed() {
  for (SQLite::Statement* statement : used_) {
    try {
      statement->reset();
    } catch (const SQLite::Exception&) {
      // reset() repeats the statement's last error; the statement is reset all the same.
    }
  }
  used_.clear();
}

SqliteDatabase::SqliteDatabase(const std::string& path, std::size_t pool_size, Options options)
    : path_(path), options_(options) {
  auto first = std::make_unique<SqliteConnection>(path);
  Migrate(*first);
  checkpointer_ = std::make_unique<SqliteCheckpointer>(path);
  checkpointer_->Attach(*first);
  idle_.push_back(std::move(first));
  for (std::size_t i = 1; i < pool_size; ++i) {
    idle_.push_back(std::make_unique<SqliteConnection>(path));
    checkpointer_->Attach(*idle_.back());
  }
  writes_ = std::make_unique<SqliteWriteQueue>(path, *checkpointer_, commits_);
  reaper_ = std::thread([this] { ReapIdleSnapshots(); });
}

SqliteDatabase::~SqliteDatabase() {
  writes_.reset();  // writes still queued are committed, synced and answered first
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  reaper_wake_.notify_one();
  reaper_.join();
}

std::unique_ptr<SqliteConnection> SqliteDatabase::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty(); });
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return connection;
}

void SqliteDatabase::Release(std::unique_ptr<SqliteConnection> connection) {
  // A snapshot that may not be reused would only hold back checkpoints while it waits in the pool.
  if (const auto& held = connection->held_snapshot();
      held && !MayReuse(*held, std::chrono::steady_clock::now())) {
    connection->EndSnapshot();
  }
  bool wake_reaper = false;
  {
    std::lock_guard lock(mutex_);
    wake_reaper = reaper_sleeping_ && connection->held_snapshot().has_value();
    idle_.push_back(std::move(connection));
  }
  available_.notify_one();
  if (wake_reaper)
    reaper_wake_.notify_one();
}

bool SqliteDatabase::MayReuse(const SqliteConnection::HeldSnapshot& snapshot,
                              std::chrono::steady_clock::time_point now) const {
  return snapshot.commits == commits_.load() && now - snapshot.began < options_.snapshot_reuse;
}

void SqliteDatabase::RenewSnapshot(SqliteConnection& connection) {
  auto now = std::chrono::steady_clock::now();
  if (const auto& held = connection.held_snapshot(); held && MayReuse(*held, now))
    return;
  connection.EndSnapshot();
  // The count is read before the snapshot is taken (at the first statement), so the snapshot
  // holds at least the writes counted.
  connection.HoldSnapshot({commits_.load(), now});
}

void SqliteDatabase::ReapIdleSnapshots() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto now = std::chrono::steady_clock::now();
    std::optional<std::chrono::steady_clock::time_point> next;
    // In place, under the pool's lock: ending a read transaction takes a few microseconds, and
    // the pool keeps its order (the most recently used connection, with the warmest cache, on top).
    for (auto& connection : idle_) {
      const auto& held = connection->held_snapshot();
      if (!held)
        continue;
      auto expiry = held->began + options_.snapshot_reuse;
      if (expiry <= now) {
        connection->EndSnapshot();
      } else {
        next = next ? std::min(*next, expiry) : expiry;
      }
    }
    if (next) {
      reaper_wake_.wait_until(lock, *next);
    } else {
      reaper_sleeping_ = true;
      reaper_wake_.wait(lock);
      reaper_sleeping_ = false;
    }
  }
}

void SqliteDatabase::WaitForWrites() { writes_->WaitForWrites(); }

void SqliteDatabase::Migrate(SqliteConnection& connection) {
  auto& db = connection.db();
  db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  db.exec("BEGIN IMMEDIATE");
  try {
    int current = db.execAndGet("SELECT coalesce(max(version), 0) FROM schema_migrations").getInt();
    for (const auto& m : SqliteMigrations()) {
      if (m.version <= current)
        continue;
      db.exec(std::string(m.sql));
      SQLite::Statement record(db, "INSERT INTO schema_migrations VALUES (?, ?, ?)");
      record.bind(1, m.version);
      record.bind(2, std::string(m.name));
      record.bind(3,
                  static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count()));
      record.exec();
      current = m.version;
    }
    db.exec("COMMIT");
    connection.SyncWal();
    schema_version_ = current;
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
}

Error SqliteDatabase::MapException(const std::exception& e) {
  if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e)) {
    // The primary code: an exception made from a VFS's result carries the extended one.
    int code = sqlite->getErrorCode() & 0xff;
    int extended = sqlite->getExtendedErrorCode();
    if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
      return Error::AlreadyExists(sqlite->what());
    }
    if (extended == SQLITE_CONSTRAINT_FOREIGNKEY) {
      return Error::FailedPrecondition({}, sqlite->what());
    }
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_IOERR ||
        code == SQLITE_CANTOPEN || code == SQLITE_FULL || code == SQLITE_READONLY) {
      return Error::Unavailable(std::string("sqlite: ") + sqlite->what());
    }
    return Error::Internal(std::string("sqlite: ") + sqlite->what());
  }
  return Error::Internal(e.what());
}

}  // namespace sb
