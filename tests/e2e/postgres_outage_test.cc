// PostgreSQL going away under load and coming back: requests answer 503 quickly meanwhile,
// service resumes without a restart, and nothing acknowledged is lost.
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::string TestPostgresScript() { return std::string(SB_SOURCE_DIR) + "/scripts/test-postgres"; }

int Shell(const std::string& command) { return std::system(command.c_str()); }

class PostgresOutageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!TestingOnPostgres())
      GTEST_SKIP() << "a PostgreSQL test (api_suite_on_postgres runs it)";
    cluster_ = dir_.File("cluster");
    ASSERT_EQ(Shell(TestPostgresScript() + " start " + cluster_ + " > /dev/null"), 0);
    std::string url = ReadFile(cluster_ + "/url");
    url.erase(url.find_last_not_of("\n") + 1);
    server_ = std::make_unique<ServerProcess>(dir_, std::vector<std::string>{}, url);
  }
  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->Stop(), 0) << server_->Stderr();
    }
    if (!cluster_.empty())
      Shell(TestPostgresScript() + " stop " + cluster_ + " > /dev/null 2>&1");
  }

  TempDir dir_;
  std::string cluster_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(PostgresOutageTest, OnlyQuick503sWhileDownAndFullServiceAfter) {
  std::atomic<bool> stop{false}, down{false}, back{false};
  std::atomic<int> created_before{0}, unavailable{0}, created_after{0}, unexpected{0};
  // GETs by id, which reach PostgreSQL another way (PgPipeline's connections, not the pool's).
  std::atomic<int> read_unavailable{0}, read_after{0};
  std::atomic<long long> slowest_ms{0};
  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      HttpClient c(server_->base_url, server_->project_id, server_->token);
      std::string last;  // this client's last acknowledged endpoint
      for (int i = 0; !stop; ++i) {
        if (!last.empty()) {
          auto started = Clock::now();
          auto r = c.Get(std::string(kEndpoints) + "/" + last);
          auto ms =
              std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
          if (r.status == 200 && r.Json()["id"] == last) {
            read_after += back ? 1 : 0;
          } else if (r.status == 503 && r.body == R"({"error":"Service Unavailable"})") {
            ++read_unavailable;
            slowest_ms = std::max<long long>(slowest_ms, ms);
          } else {
            ++unexpected;
            ADD_FAILURE() << "GET " << r.status << " " << r.body;
          }
        }
        auto started = Clock::now();
        auto r =
            c.Post(kEndpoints, Json{{"username", "c" + std::to_string(t) + "-" + std::to_string(i)},
                                    {"password", "s3cret-pass"}}
                                   .dump());
        auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
        if (r.status == 201) {
          std::lock_guard lock(mutex);
          last = r.Json()["id"];
          acknowledged.push_back(last);
          (back ? created_after : created_before)++;
        } else if (r.status == 503 && r.body == R"({"error":"Service Unavailable"})") {
          ++unavailable;
          slowest_ms = std::max<long long>(slowest_ms, ms);
        } else {
          ++unexpected;
          ADD_FAILURE() << r.status << " " << r.body;
        }
      }
    });
  }
  auto wait_for = [](const std::function<bool()>& condition) {
    auto deadline = Clock::now() + std::chrono::seconds(60);
    while (!condition() && Clock::now() < deadline) std::this_thread::yield();
    return condition();
  };
  ASSERT_TRUE(wait_for([&] { return created_before >= 50; }));
  ASSERT_EQ(Shell(TestPostgresScript() + " stop " + cluster_), 0);
  down = true;
  EXPECT_TRUE(wait_for([&] { return unavailable >= 50 && read_unavailable >= 50; }));
  HttpClient probe(server_->base_url);
  EXPECT_EQ(probe.Get("/readyz").status, 503);
  EXPECT_EQ(probe.Get("/healthz").status, 200);
  ASSERT_EQ(Shell(TestPostgresScript() + " resume " + cluster_), 0);
  back = true;
  EXPECT_TRUE(wait_for([&] { return created_after >= 50 && read_after >= 50; }));
  stop = true;
  for (auto& c : clients) c.join();

  EXPECT_EQ(unexpected, 0);
  EXPECT_LT(slowest_ms, 3000) << "a 503 must come quickly, not after a hang";
  EXPECT_EQ(probe.Get("/readyz").status, 200);
  HttpClient c(server_->base_url, server_->project_id, server_->token);
  for (const auto& id : acknowledged) {
    ASSERT_EQ(c.Get(std::string(kEndpoints) + "/" + id).status, 200) << id;
  }
}

}  // namespace
}  // namespace sb::testing
