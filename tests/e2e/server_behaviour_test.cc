// The service around the API: health, logs, graceful stop, durability across kill -9.
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>
#include <signal.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class ServerBehaviourTest : public ApiTest {
 protected:
  // Waits (bounded) until the server's log contains `text`: a condition, not a fixed sleep.
  bool WaitForLog(const std::string& text) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      if (server_->Stderr().find(text) != std::string::npos)
        return true;
      std::this_thread::yield();
    }
    return false;
  }
};

TEST_F(ServerBehaviourTest, HealthzNeedsNoCredentials) {
  HttpClient anonymous(server_->base_url);
  auto r = anonymous.Get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["status"], "ok");
}

TEST_F(ServerBehaviourTest, LogsOneLinePerRequestWithoutSecrets) {
  CreateEndpoint("alice");
  client_->Get(std::string(kEndpoints) + "?filter_username=ali");
  HttpClient(server_->base_url, server_->project_id, "PTwrong").Get(kEndpoints);
  ASSERT_EQ(server_->Stop(), 0);
  std::string log = server_->Stderr();
  EXPECT_NE(log.find("POST /api/relay/rest/endpoints/sip 201"), std::string::npos) << log;
  EXPECT_NE(log.find("GET /api/relay/rest/endpoints/sip 200"), std::string::npos) << log;
  EXPECT_NE(log.find("GET /api/relay/rest/endpoints/sip 401"), std::string::npos) << log;
  EXPECT_EQ(log.find(server_->token), std::string::npos);
  EXPECT_EQ(log.find("s3cret-pass"), std::string::npos);
  EXPECT_EQ(log.find("Basic "), std::string::npos);
  EXPECT_EQ(log.find("PTwrong"), std::string::npos);
}

class GracefulStopTest : public ServerBehaviourTest {
 protected:
  std::vector<std::string> ServerArgs() const override {
    return {"--sip-domain", "sip.test", "--log-level", "debug"};
  }
};

TEST_F(GracefulStopTest, SigtermFinishesTheRequestInFlightAndExitsZero) {
  // Hold a lock that makes the next create wait inside its handler.
  auto blocker = server_->store().BlockWrites();
  HttpResult in_flight;
  std::thread request([&] {
    // Straight to the server: a proxy in front would be stopped first.
    HttpClient c(server_->origin_url, server_->project_id, server_->token);
    in_flight = c.Post(kEndpoints, R"({"username":"late","password":"s3cret-pass"})");
  });
  ASSERT_TRUE(WaitForLog("begin POST /api/relay/rest/endpoints/sip"));
  int exit_code = -1;
  std::thread stopper([&] { exit_code = server_->Stop(); });
  ASSERT_TRUE(WaitForLog("finishing requests in flight"));
  blocker->Release();
  request.join();
  stopper.join();
  EXPECT_EQ(in_flight.status, 201) << in_flight.body;
  EXPECT_EQ(exit_code, 0);
  // After the stop, nothing listens any more.
  EXPECT_EQ(HttpClient(server_->origin_url).Get("/healthz").status, 0);
}

TEST_F(ServerBehaviourTest, EveryAcknowledgedWriteSurvivesKillDashNine) {
  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged_count{0};
  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::vector<std::thread> writers;
  for (int t = 0; t < 8; ++t) {
    writers.emplace_back([&, t] {
      HttpClient c(server_->base_url, server_->project_id, server_->token);
      for (int i = 0; !stop; ++i) {
        std::string name = "w" + std::to_string(t) + "-" + std::to_string(i);
        auto r = c.Post(kEndpoints, R"({"username":")" + name + R"(","password":"s3cret-pass"})");
        if (r.status != 201)
          break;  // the server is gone
        std::lock_guard lock(mutex);
        acknowledged.push_back(r.Json()["id"]);
        ++acknowledged_count;
      }
    });
  }
  while (acknowledged_count < 200) std::this_thread::yield();
  server_->Kill();
  stop = true;
  for (auto& w : writers) w.join();

  EXPECT_EQ(server_->store().CheckConsistency(), "ok");
  ServerProcess restarted(dir_, ServerArgs(), server_->database);
  HttpClient c(restarted.base_url, server_->project_id, server_->token);
  for (const auto& id : acknowledged) {
    ASSERT_EQ(c.Get(std::string(kEndpoints) + "/" + id).status, 200) << id;
  }
  EXPECT_EQ(restarted.Stop(), 0);
  server_.reset();  // already killed; nothing to check in TearDown
}

}  // namespace
}  // namespace sb::testing
