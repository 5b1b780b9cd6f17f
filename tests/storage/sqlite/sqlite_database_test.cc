#include "storage/sqlite/sqlite_database.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "storage/sqlite/wal_sync_vfs.h"
#include "support/temp_dir.h"

namespace sb {
namespace {

using std::chrono::milliseconds;

void SetValue(SqliteDatabase& db, std::int64_t value) {
  auto written = db.Write<void>([&](SqliteConnection& connection) -> Result<void> {
    connection.db().exec("CREATE TABLE IF NOT EXISTS cell (v INTEGER NOT NULL)");
    connection.db().exec("DELETE FROM cell");
    connection.db().exec("INSERT INTO cell VALUES (" + std::to_string(value) + ")");
    return {};
  });
  ASSERT_TRUE(written) << written.error().internal;
}

// Reads the value `depth` times, each read inside the one before: the reads hold `depth`
// connections of the pool at once. Returns what each read saw, outermost first.
std::vector<std::int64_t> ReadNested(SqliteDatabase& db, int depth) {
  std::vector<std::int64_t> seen;
  std::function<void(int)> read = [&](int left) {
    auto value = db.Read<std::int64_t>([&](SqliteConnection& connection) -> Result<std::int64_t> {
      auto& s = connection.Prepare("SELECT v FROM cell");
      s.executeStep();
      std::int64_t v = s.getColumn(0).getInt64();
      seen.push_back(v);
      if (left > 1)
        read(left - 1);
      return v;
    });
    EXPECT_TRUE(value) << value.error().internal;
  };
  read(depth);
  return seen;
}

// Snapshots are reused across reads, but never past a write of this object: a read that starts
// after a write was acknowledged sees it, on whichever connection of the pool it runs (writes run
// on a connection of their own, so every pool connection holds a snapshot from before the write).
TEST(SqliteDatabase, AReadSeesEveryWriteAcknowledgedBeforeIt) {
  testing::TempDir dir;
  SqliteDatabase db(dir.File("s.db"), 3, {.snapshot_reuse = std::chrono::hours(1)});
  SetValue(db, 0);
  EXPECT_EQ(ReadNested(db, 3), (std::vector<std::int64_t>{0, 0, 0}));  // every connection holds one
  SetValue(db, 1);
  EXPECT_EQ(ReadNested(db, 3), (std::vector<std::int64_t>{1, 1, 1}));
}

// Connections commit without syncing (synchronous=NORMAL) and the group commit syncs the WAL
// itself: a write must not return before a sync that covers every WAL write of its commit. One
// writer at a time, so that when a write returns every WAL write so far is its own or older.
TEST(SqliteDatabase, AcknowledgesAWriteOnlyOnceTheWalHoldingItIsSynced) {
  testing::WalSyncVfs vfs;
  testing::TempDir dir;
  SqliteDatabase db(dir.File("s.db"), 2);
  EXPECT_GT(vfs.wal_writes(), 0u) << "the migrations wrote nothing to the WAL";
  EXPECT_EQ(vfs.synced_wal_writes(), vfs.wal_writes()) << "the migrations were not synced";
  for (int i = 0; i < 20; ++i) {
    SetValue(db, i);
    ASSERT_EQ(vfs.synced_wal_writes(), vfs.wal_writes()) << "write " << i;
  }
}

// A batch whose WAL sync failed is not acknowledged, though SQLite committed it: each of its
// writers is told the store is unavailable, and the store goes on serving.
TEST(SqliteDatabase, FailsTheWritesOfABatchWhoseSyncFailed) {
  testing::WalSyncVfs vfs;
  testing::TempDir dir;
  SqliteDatabase db(dir.File("s.db"), 2);
  SetValue(db, 0);
  vfs.FailSyncs(true);
  auto failed = db.Write<void>([](SqliteConnection& connection) -> Result<void> {
    connection.db().exec("UPDATE cell SET v = 1");
    return {};
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kUnavailable);
  vfs.FailSyncs(false);
  SetValue(db, 2);
  EXPECT_EQ(ReadNested(db, 1), std::vector<std::int64_t>{2});
}

// The WAL is synced on another thread than the one that commits: while one batch waits for its
// sync, the next one commits (a reader sees it), and is acknowledged only after a sync that
// covers it. (With the sync inside COMMIT, under the write lock, the second write would not
// commit until the first one's sync returned.)
TEST(SqliteDatabase, CommitsTheNextBatchWhileABatchWaitsForItsSync) {
  testing::WalSyncVfs vfs;
  testing::TempDir dir;
  SqliteDatabase db(dir.File("s.db"), 3);
  SetValue(db, 0);
  vfs.HoldNextSync();
  auto first = std::async(std::launch::async, [&] { SetValue(db, 1); });
  if (!vfs.WaitForHeldSync(10000)) {
    vfs.ReleaseHeldSync();  // disarmed, or closing the database would wait on its checkpoint's sync
    first.get();
    FAIL() << "the first write never synced";
  }
  auto second = std::async(std::launch::async, [&] {
    auto written = db.Write<void>([](SqliteConnection& connection) -> Result<void> {
      connection.db().exec("INSERT INTO cell VALUES (2)");
      return {};
    });
    EXPECT_TRUE(written) << written.error().internal;
  });
  bool committed = false;
  for (int i = 0; i < 1000 && !committed; ++i) {
    committed = ReadNested(db, 1) == std::vector<std::int64_t>{1} &&
                db.Read<std::int64_t>([](SqliteConnection& connection) -> Result<std::int64_t> {
                    return connection.db().execAndGet("SELECT count(*) FROM cell").getInt64();
                  }).value_or(0) == 2;
    if (!committed)
      std::this_thread::sleep_for(milliseconds(10));
  }
  bool second_waited = second.wait_for(milliseconds(0)) == std::future_status::timeout;
  bool first_waited = first.wait_for(milliseconds(0)) == std::future_status::timeout;
  vfs.ReleaseHeldSync();
  first.get();
  second.get();
  EXPECT_TRUE(committed) << "the second write did not commit while the first one's sync waited";
  EXPECT_TRUE(second_waited) << "the second write returned before a sync covered it";
  EXPECT_TRUE(first_waited) << "the first write returned before its sync";
}

// Writes from many threads at once are batched, each answered with its own outcome, and one
// queued asynchronously is answered on another thread once durable.
TEST(SqliteDatabase, AnswersAnAsynchronousWriteOnceItIsDurable) {
  testing::WalSyncVfs vfs;
  testing::TempDir dir;
  SqliteDatabase db(dir.File("s.db"), 2);
  SetValue(db, 0);
  std::promise<Result<std::int64_t>> answer;
  std::uint64_t synced_at_answer = 0, written_at_answer = 0;
  db.WriteAsync<std::int64_t>(
      [](SqliteConnection& connection) -> Result<std::int64_t> {
        connection.db().exec("INSERT INTO cell VALUES (7)");
        return connection.db().execAndGet("SELECT sum(v) FROM cell").getInt64();
      },
      [&](Result<std::int64_t> outcome) {
        synced_at_answer = vfs.synced_wal_writes();
        written_at_answer = vfs.wal_writes();
        answer.set_value(std::move(outcome));
      });
  auto outcome = answer.get_future().get();
  ASSERT_TRUE(outcome) << outcome.error().internal;
  EXPECT_EQ(*outcome, 7);
  EXPECT_EQ(synced_at_answer, written_at_answer) << "answered before the WAL was synced";
  auto failed = std::make_shared<std::promise<Result<void>>>();
  db.WriteAsync<void>(
      [](SqliteConnection& connection) -> Result<void> {
        connection.db().exec("INSERT INTO no_such_table VALUES (1)");
        return {};
      },
      [failed](Result<void> outcome) { failed->set_value(std::move(outcome)); });
  auto failure = failed->get_future().get();
  ASSERT_FALSE(failure);
  EXPECT_EQ(failure.error().code, ErrorCode::kInternal);
  EXPECT_EQ(ReadNested(db, 1), std::vector<std::int64_t>{0});  // the first row still there
}

// Every batch runs on the same connection, whose page cache therefore stays valid from one batch
// to the next (SQLite drops a connection's whole cache once another connection has committed).
// The second write here runs while a read holds a pool connection, so a write on the pool's
// connections would run on another one than the first write did, and fetch its pages again.
TEST(SqliteDatabase, AWriteReadsNoPageTheWriteBeforeItHadCached) {
  testing::WalSyncVfs vfs;
  testing::TempDir dir;
  SqliteDatabase db(dir.File("s.db"), 3);
  auto update = [&](int v) {
    auto written = db.Write<void>([&](SqliteConnection& connection) -> Result<void> {
      connection.db().exec("UPDATE big SET v = " + std::to_string(v) + " WHERE k = 500");
      return {};
    });
    ASSERT_TRUE(written) << written.error().internal;
  };
  auto created = db.Write<void>([](SqliteConnection& connection) -> Result<void> {
    connection.db().exec(
        "CREATE TABLE big (k INTEGER PRIMARY KEY, v INTEGER, pad TEXT);"
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 1000) "
        "INSERT INTO big SELECT k, 0, hex(randomblob(100)) FROM n");
    return {};
  });
  ASSERT_TRUE(created) << created.error().internal;
  update(1);
  std::uint64_t reads = 0;
  auto held = db.Read<bool>([&](SqliteConnection& connection) -> Result<bool> {
    connection.db().exec("SELECT count(*) FROM big");
    reads = vfs.file_reads();
    update(2);
    reads = vfs.file_reads() - reads;
    return true;
  });
  ASSERT_TRUE(held) << held.error().internal;
  EXPECT_EQ(reads, 0u) << "the second write fetched pages the first one had cached";
}

// Another process (here another SqliteDatabase on the same file, as the CLI's admin commands are)
// commits without this object knowing: its write is seen once the snapshot in use is older than
// the reuse bound. Before that a read may still answer from the snapshot, which is what makes
// reuse worth having; the test checks both, so that neither can silently stop.
TEST(SqliteDatabase, SeesAnotherProcesssWriteOnceTheSnapshotIsOlderThanTheBound) {
  testing::TempDir dir;
  constexpr auto kReuse = milliseconds(1500);
  SqliteDatabase ours(dir.File("s.db"), 2, {.snapshot_reuse = kReuse});
  SetValue(ours, 0);
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(ReadNested(ours, 1), std::vector<std::int64_t>{0});

  SqliteDatabase other(dir.File("s.db"), 2);
  SetValue(other, 1);
  auto stale = ReadNested(ours, 1);
  if (std::chrono::steady_clock::now() - started < kReuse) {
    EXPECT_EQ(stale, std::vector<std::int64_t>{0}) << "the snapshot was not reused";
  }

  std::this_thread::sleep_for(kReuse + milliseconds(100));
  EXPECT_EQ(ReadNested(ours, 1), std::vector<std::int64_t>{1});
}

// The bound holds for a connection that never rests in the pool long enough to have its snapshot
// ended there: one read that outlasts the bound leaves no snapshot for the next read to reuse.
TEST(SqliteDatabase, DoesNotReuseASnapshotOlderThanTheBound) {
  testing::TempDir dir;
  constexpr auto kReuse = milliseconds(200);
  SqliteDatabase ours(dir.File("s.db"), 1, {.snapshot_reuse = kReuse});
  SqliteDatabase other(dir.File("s.db"), 1);
  SetValue(ours, 0);
  auto slow = ours.Read<std::int64_t>([&](SqliteConnection& connection) -> Result<std::int64_t> {
    auto& s = connection.Prepare("SELECT v FROM cell");
    s.executeStep();
    SetValue(other, 1);
    std::this_thread::sleep_for(kReuse + milliseconds(50));
    return s.getColumn(0).getInt64();
  });
  ASSERT_TRUE(slow);
  EXPECT_EQ(*slow, 0);
  EXPECT_EQ(ReadNested(ours, 1), std::vector<std::int64_t>{1});
}

// A connection that went back to the pool holding a snapshot blocks a checkpoint from copying
// what was committed after it (and a RESTART or TRUNCATE checkpoint waits for it): the snapshot
// is ended once it is older than the reuse bound, even though no read comes to renew it.
TEST(SqliteDatabase, EndsTheSnapshotsOfIdleConnections) {
  testing::TempDir dir;
  std::string path = dir.File("s.db");
  SqliteDatabase ours(path, 2, {.snapshot_reuse = milliseconds(50)});
  SetValue(ours, 0);
  SqliteConnection other(path);
  other.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  ASSERT_EQ(std::filesystem::file_size(path + "-wal"), 0u);
  EXPECT_EQ(ReadNested(ours, 2), (std::vector<std::int64_t>{0, 0}));  // both idle with snapshots

  other.db().exec("UPDATE cell SET v = 1");
  // Waits (busy timeout, 5 s) for readers of older snapshots to leave.
  auto& checkpoint = other.Prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  ASSERT_TRUE(checkpoint.executeStep());
  EXPECT_EQ(checkpoint.getColumn(0).getInt(), 0) << "the checkpoint was blocked by a reader";
  EXPECT_EQ(std::filesystem::file_size(path + "-wal"), 0u);
}

}  // namespace
}  // namespace sb
