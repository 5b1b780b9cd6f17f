#include "storage/sqlite/sqlite_checkpointer.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_database.h"
#include "support/temp_dir.h"

namespace sb {
namespace {

// The pool's connections hand their checkpoints to the checkpointer's thread: a commit that
// leaves more than kWalPages in the WAL must still reach the database file, without anyone
// calling for a checkpoint.
TEST(SqliteCheckpointer, CopiesALargeWalIntoTheDatabaseFileInTheBackground) {
  testing::TempDir dir;
  std::string path = dir.File("c.db");
  SqliteDatabase db(path, 2);
  auto before = std::filesystem::file_size(path);
  constexpr int kBlobBytes = (SqliteCheckpointer::kWalPages + 512) * 4096;
  auto written = db.Write<void>([&](SqliteConnection& connection) -> Result<void> {
    connection.db().exec("CREATE TABLE scratch (b BLOB)");
    connection.db().exec("INSERT INTO scratch VALUES (zeroblob(" + std::to_string(kBlobBytes) +
                         "))");
    return {};
  });
  ASSERT_TRUE(written);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::filesystem::file_size(path) < before + kBlobBytes &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GE(std::filesystem::file_size(path), before + kBlobBytes);
}

// Below the threshold nothing is copied yet: the pages wait in the WAL (readers find them there).
// 2,000 pages: past SQLite's own threshold (1,000), so a connection that still checkpointed by
// itself would have copied them.
TEST(SqliteCheckpointer, LeavesAWalBelowItsThresholdAlone) {
  testing::TempDir dir;
  std::string path = dir.File("c.db");
  SqliteDatabase db(path, 2);
  auto before = std::filesystem::file_size(path);
  auto written = db.Write<void>([&](SqliteConnection& connection) -> Result<void> {
    connection.db().exec("CREATE TABLE scratch (b BLOB)");
    connection.db().exec("INSERT INTO scratch VALUES (zeroblob(8000000))");
    return {};
  });
  ASSERT_TRUE(written);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(std::filesystem::file_size(path), before);
  auto read = db.Run<std::int64_t>([](SqliteConnection& connection) -> Result<std::int64_t> {
    return connection.db().execAndGet("SELECT length(b) FROM scratch").getInt64();
  });
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, 8000000);
}

}  // namespace
}  // namespace sb
