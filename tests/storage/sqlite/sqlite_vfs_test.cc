#include "storage/sqlite/sqlite_vfs.h"

#include <cstdint>
#include <filesystem>
#include <string>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/wal_sync_vfs.h"
#include "support/temp_dir.h"

namespace sb {
namespace {

using WalWrites = SqliteWalWrites;

constexpr std::int64_t kFrameBytes = 24 + 4096;  // a WAL frame: its header and a page

// Adds `rows` rows of about 3 KB each in one transaction: roughly one WAL frame per row.
void AddRows(SqliteConnection& connection, int rows, const std::string& tag = "r") {
  auto& db = connection.db();
  db.exec("CREATE TABLE IF NOT EXISTS t (tag TEXT NOT NULL, body TEXT NOT NULL)");
  db.exec("BEGIN IMMEDIATE");
  for (int i = 0; i < rows; ++i)
    db.exec("INSERT INTO t VALUES ('" + tag + "', hex(randomblob(1500)))");
  db.exec("COMMIT");
}

std::int64_t CountRows(const std::string& path, const std::string& tag) {
  SQLite::Database reader(path, SQLite::OPEN_READONLY);
  return reader.execAndGet("SELECT count(*) FROM t WHERE tag = '" + tag + "'").getInt64();
}

std::int64_t FileSize(const std::string& path) {
  return static_cast<std::int64_t>(std::filesystem::file_size(path));
}

// A commit's frames reach the file in a few large writes, where SQLite by itself makes two for
// every frame (its header, then the page).
TEST(SqliteVfs, WritesACommitsFramesInAFewLargeWrites) {
  testing::WalSyncVfs counting;
  testing::TempDir dir;
  auto writes_for_200_rows = [&](const std::string& file, WalWrites how) {
    SqliteConnection connection(dir.File(file), how);
    AddRows(connection, 1);  // creates the table and the WAL
    std::uint64_t before = counting.wal_writes();
    std::int64_t size_before = FileSize(dir.File(file + "-wal"));
    AddRows(connection, 200);
    std::int64_t frames = (FileSize(dir.File(file + "-wal")) - size_before) / kFrameBytes;
    EXPECT_GE(frames, 200);
    return std::make_pair(counting.wal_writes() - before, frames);
  };
  auto [direct, direct_frames] = writes_for_200_rows("direct.db", WalWrites::kDirect);
  auto [gathered, gathered_frames] =
      writes_for_200_rows("gathered.db", WalWrites::kGatheredPerCommit);
  EXPECT_GE(direct, 2u * static_cast<std::uint64_t>(direct_frames));
  // 64 KiB a write: 200 frames of 4,120 bytes are 13 writes.
  EXPECT_LE(gathered, static_cast<std::uint64_t>(gathered_frames * kFrameBytes / (64 << 10) + 2));
}

// Other connections find a commit's frames in the file as soon as SQLite publishes the commit
// (its WAL hook runs after that), not later when something else makes the VFS write them.
TEST(SqliteVfs, ACommitIsInTheFileWhenOtherConnectionsCanSeeIt) {
  testing::TempDir dir;
  std::string path = dir.File("g.db");
  SqliteConnection writer(path, WalWrites::kGatheredPerCommit);
  AddRows(writer, 1, "first");

  struct Seen {
    std::string wal;
    int published_pages = 0;
    std::int64_t wal_bytes = 0;
    std::int64_t rows_seen = -1;
  } seen{path + "-wal"};
  sqlite3_wal_hook(
      writer.db().getHandle(),
      [](void* arg, sqlite3*, const char*, int pages) {
        auto* s = static_cast<Seen*>(arg);
        s->published_pages = pages;
        s->wal_bytes = FileSize(s->wal);
        return SQLITE_OK;
      },
      &seen);
  AddRows(writer, 50, "second");
  EXPECT_GE(seen.published_pages, 50);
  EXPECT_GE(seen.wal_bytes, 32 + seen.published_pages * kFrameBytes);
  EXPECT_EQ(CountRows(path, "second"), 50);
}

// A commit's sync request only writes: the group commit's syncer makes the commit durable. A
// checkpoint's sync (FULL, with checkpoint_fullfsync) still syncs the WAL before it is copied.
TEST(SqliteVfs, ACommitIsWrittenUnsyncedAndACheckpointSyncsIt) {
  testing::WalSyncVfs counting;
  testing::TempDir dir;
  SqliteConnection writer(dir.File("g.db"), WalWrites::kGatheredPerCommit);
  AddRows(writer, 1);
  writer.db().exec("PRAGMA wal_checkpoint(PASSIVE)");
  ASSERT_EQ(counting.synced_wal_writes(), counting.wal_writes());

  AddRows(writer, 20);
  EXPECT_LT(counting.synced_wal_writes(), counting.wal_writes()) << "the commit synced the WAL";
  writer.db().exec("PRAGMA wal_checkpoint(PASSIVE)");
  EXPECT_EQ(counting.synced_wal_writes(), counting.wal_writes()) << "the checkpoint did not";
}

// A transaction larger than the page cache spills frames to the WAL before it commits, rewrites
// some of them in place and reads them back: all of that goes through what the VFS holds.
TEST(SqliteVfs, ATransactionLargerThanTheCacheCommitsIntact) {
  testing::TempDir dir;
  std::string path = dir.File("g.db");
  SqliteConnection writer(path, WalWrites::kGatheredPerCommit);
  writer.db().exec("PRAGMA cache_size = 20");
  writer.db().exec("CREATE TABLE t (tag TEXT NOT NULL, body TEXT NOT NULL)");
  writer.db().exec("CREATE INDEX t_by_body ON t(body)");  // random pages, rewritten many times
  AddRows(writer, 2000, "big");
  writer.db().exec("BEGIN IMMEDIATE");
  writer.db().exec("UPDATE t SET body = hex(randomblob(1500)) WHERE rowid % 3 = 0");
  writer.db().exec("COMMIT");

  EXPECT_EQ(CountRows(path, "big"), 2000);
  SQLite::Database reader(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(reader.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

// A page spilled to the WAL and changed again in the same transaction is written again over its
// frame: random updates of a table ten times the cache make SQLite do that hundreds of times.
TEST(SqliteVfs, ATransactionThatRewritesItsSpilledFramesCommitsIntact) {
  testing::TempDir dir;
  std::string path = dir.File("g.db");
  SqliteConnection writer(path, WalWrites::kGatheredPerCommit);
  auto& db = writer.db();
  db.exec("PRAGMA cache_size = 10");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL)");
  db.exec("BEGIN IMMEDIATE");
  for (int id = 0; id < 400; ++id)
    db.exec("INSERT INTO t VALUES (" + std::to_string(id) + ", 0, hex(randomblob(500)))");
  db.exec("COMMIT");
  db.exec("BEGIN IMMEDIATE");
  for (int i = 0; i < 3000; ++i) {
    db.exec("UPDATE t SET version = version + 1, body = hex(randomblob(500)) WHERE id = " +
            std::to_string(i * 7919 % 400));
  }
  db.exec("COMMIT");

  SQLite::Database reader(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(reader.execAndGet("SELECT sum(version) FROM t").getInt64(), 3000);
  EXPECT_EQ(reader.execAndGet("SELECT count(*) FROM t WHERE length(body) = 1000").getInt64(), 400);
  EXPECT_EQ(reader.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

// SQLite spills a statement journal past the store's 4 MiB threshold to a file in one chunk of
// that size, which SQLite's unix VFS refuses as a write past 128 KiB ("database or disk is full");
// ours cuts it into pieces. A savepoint rewriting every row of a 16 MB table journals all of it.
TEST(SqliteVfs, AStatementJournalPastItsMemoryLimitSpillsToAFile) {
  for (WalWrites how : {WalWrites::kDirect, WalWrites::kGatheredPerCommit}) {
    testing::TempDir dir;
    std::string path = dir.File("j.db");
    SqliteConnection writer(path, how);
    AddRows(writer, 2000, "old");
    auto& db = writer.db();
    db.exec("BEGIN IMMEDIATE");
    db.exec("SAVEPOINT every_row");
    EXPECT_NO_THROW(db.exec("UPDATE t SET tag = 'new', body = hex(randomblob(1500))"));
    db.exec("RELEASE every_row");
    db.exec("COMMIT");
    EXPECT_EQ(CountRows(path, "new"), 2000);
  }
}

// When writing the gathered frames fails, the commit fails and publishes nothing; the connection
// commits again once the file takes writes.
TEST(SqliteVfs, AFailedWriteFailsTheCommit) {
  testing::WalSyncVfs counting;
  testing::TempDir dir;
  std::string path = dir.File("g.db");
  SqliteConnection writer(path, WalWrites::kGatheredPerCommit);
  AddRows(writer, 1, "before");

  counting.FailWalWrites(true);
  EXPECT_THROW(AddRows(writer, 10, "lost"), SQLite::Exception);
  counting.FailWalWrites(false);
  if (sqlite3_get_autocommit(writer.db().getHandle()) == 0)
    writer.db().exec("ROLLBACK");
  EXPECT_EQ(CountRows(path, "lost"), 0);

  AddRows(writer, 10, "after");
  EXPECT_EQ(CountRows(path, "after"), 10);
  EXPECT_EQ(CountRows(path, "before"), 1);
  SQLite::Database reader(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(reader.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

}  // namespace
}  // namespace sb
