// PgPipeline against the test cluster: answers matched to their calls, errors kept to the call
// that caused them, lost connections, a server that is down, and stopping with calls waiting.
#include "storage/postgres/pg_pipeline.h"

#include <future>
#include <thread>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "support/test_database.h"

namespace sb::testing {
namespace {

// Statement 0 doubles its parameter; statement 1 divides 100 by it (fails on 0); statement 2
// sleeps for its parameter's seconds.
const std::vector<std::string> kStatements = {"SELECT $1::int * 2", "SELECT 100 / $1::int",
                                              "SELECT pg_sleep($1::float8)"};

class PgPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = TestPostgresAdminUrl();
    if (url_.empty())
      GTEST_SKIP() << "no test PostgreSQL (ctest's `postgres` fixture starts one)";
  }

  // Submits and waits for the answer.
  static Result<PgResultPtr> Call(PgPipeline& pipeline, std::size_t statement,
                                  const std::string& param) {
    std::promise<Result<PgResultPtr>> answer;
    auto answered = answer.get_future();
    pipeline.Submit(statement, {param},
                    [&answer](Result<PgResultPtr> result) { answer.set_value(std::move(result)); });
    return answered.get();
  }

  static std::string Value(const Result<PgResultPtr>& result) {
    return result ? PQgetvalue(result->get(), 0, 0) : "error: " + result.error().internal;
  }

  std::string url_;
};

TEST_F(PgPipelineTest, AnswersEveryConcurrentCallWithItsOwnResult) {
  PgPipeline pipeline(url_, kStatements, 2);
  constexpr int kThreads = 8;
  constexpr int kCallsEach = 300;
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Many calls in flight at once from each thread, so that batches form.
      std::vector<std::future<Result<PgResultPtr>>> answers;
      std::vector<std::promise<Result<PgResultPtr>>> promises(kCallsEach);
      for (int i = 0; i < kCallsEach; ++i) {
        answers.push_back(promises[i].get_future());
        pipeline.Submit(0, {std::to_string(t * kCallsEach + i)},
                        [&promises, i](Result<PgResultPtr> r) { promises[i].set_value(r); });
      }
      for (int i = 0; i < kCallsEach; ++i) {
        if (Value(answers[i].get()) != std::to_string(2 * (t * kCallsEach + i)))
          ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST_F(PgPipelineTest, AFailedStatementFailsOnlyItsOwnCall) {
  PgPipeline pipeline(url_, kStatements, 1);
  // Submitted together, so that the failing ones share batches with the others, which
  // PostgreSQL then skips and the pipeline sends again.
  constexpr int kCalls = 200;
  std::vector<std::promise<Result<PgResultPtr>>> promises(kCalls);
  for (int i = 0; i < kCalls; ++i) {
    pipeline.Submit(1, {std::to_string(i % 3)},
                    [&promises, i](Result<PgResultPtr> r) { promises[i].set_value(r); });
  }
  for (int i = 0; i < kCalls; ++i) {
    auto answer = promises[i].get_future().get();
    if (i % 3 == 0) {
      ASSERT_FALSE(answer) << i;
      EXPECT_EQ(answer.error().code, ErrorCode::kInternal) << i;
      EXPECT_NE(answer.error().internal.find("22012"), std::string::npos)
          << answer.error().internal;
    } else {
      EXPECT_EQ(Value(answer), std::to_string(100 / (i % 3))) << i;
    }
  }
}

TEST_F(PgPipelineTest, OpensAConnectionAgainAfterTheServerDroppedIt) {
  // A statement of this test's own, so that the backend to drop is found by its text.
  PgPipeline pipeline(url_, {"SELECT $1::int * 2 /* reconnect test */"}, 1);
  ASSERT_EQ(Value(Call(pipeline, 0, "1")), "2");
  pqxx::connection admin(url_);
  pqxx::nontransaction tx(admin);
  auto killed = tx.exec(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> "
      "pg_backend_pid() AND query = 'SELECT $1::int * 2 /* reconnect test */'");
  ASSERT_EQ(killed[0][0].as<int>(), 1);
  // The call that finds the connection gone may fail, as kUnavailable; the next one reconnects.
  auto first = Call(pipeline, 0, "2");
  if (!first)
    EXPECT_EQ(first.error().code, ErrorCode::kUnavailable) << first.error().internal;
  EXPECT_EQ(Value(Call(pipeline, 0, "3")), "6");
}

TEST_F(PgPipelineTest, AnswersUnavailableWhileTheServerCannotBeReached) {
  // Port 1, where nothing listens (connect_timeout bounds the wait should something answer).
  PgPipeline pipeline("postgresql://postgres@127.0.0.1:1/postgres?connect_timeout=2", kStatements,
                      2);
  auto answer = Call(pipeline, 0, "1");
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::kUnavailable);
  answer = Call(pipeline, 0, "1");  // before the next attempt is due: at once
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::kUnavailable);
}

TEST_F(PgPipelineTest, StopAnswersTheCallsStillWaitingAndRefusesLaterOnes) {
  PgPipeline pipeline(url_, kStatements, 1);
  std::promise<Result<PgResultPtr>> slow;
  auto slow_answer = slow.get_future();
  pipeline.Submit(2, {"30"}, [&slow](Result<PgResultPtr> r) { slow.set_value(std::move(r)); });
  // Wait until the server runs it, so that it is in flight (not queued) when Stop comes.
  pqxx::connection admin(url_);
  for (int i = 0; i < 1000; ++i) {
    pqxx::nontransaction tx(admin);
    if (tx.exec("SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep'").size() == 1)
      break;
    tx.commit();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pipeline.Stop();
  ASSERT_EQ(slow_answer.wait_for(std::chrono::seconds(0)), std::future_status::ready);
  auto answer = slow_answer.get();
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().code, ErrorCode::kUnavailable);
  auto later = Call(pipeline, 0, "1");  // answered on this thread, at once
  ASSERT_FALSE(later);
  EXPECT_EQ(later.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace sb::testing
