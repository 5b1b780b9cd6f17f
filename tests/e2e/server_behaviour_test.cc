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

// 32 clients: 16 create endpoints, 16 keep updating one endpoint each; SIGKILL in the middle.
// Every acknowledged create is there after a restart, every updated endpoint shows its last
// acknowledged value or the one in flight at the kill, and the store passes its own check.
TEST_F(ServerBehaviourTest, EveryAcknowledgedWriteSurvivesKillDashNineUnder32Clients) {
  constexpr int kCreators = 16, kUpdaters = 16;
  std::vector<std::string> targets;
  for (int u = 0; u < kUpdaters; ++u)
    targets.push_back(CreateEndpoint("target-" + std::to_string(u))["id"]);
  struct UpdaterState {
    int acknowledged = -1;  // the last value the server confirmed
    int attempted = -1;     // the last value sent
  };
  std::vector<UpdaterState> updaters(kUpdaters);
  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged_writes{0};
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> created;  // id, username
  std::vector<std::thread> clients;
  for (int t = 0; t < kCreators; ++t) {
    clients.emplace_back([&, t] {
      HttpClient c(server_->base_url, server_->project_id, server_->token);
      for (int i = 0; !stop; ++i) {
        std::string name = "w" + std::to_string(t) + "-" + std::to_string(i);
        auto r = c.Post(kEndpoints, R"({"username":")" + name + R"(","password":"s3cret-pass"})");
        if (r.status != 201)
          break;  // the server is gone
        std::lock_guard lock(mutex);
        created.emplace_back(r.Json()["id"], name);
        ++acknowledged_writes;
      }
    });
  }
  for (int u = 0; u < kUpdaters; ++u) {
    clients.emplace_back([&, u] {
      HttpClient c(server_->base_url, server_->project_id, server_->token);
      for (int v = 0; !stop; ++v) {
        updaters[u].attempted = v;
        auto r = c.Put(std::string(kEndpoints) + "/" + targets[u],
                       R"({"caller_id":"v)" + std::to_string(v) + R"("})");
        if (r.status != 200)
          break;
        updaters[u].acknowledged = v;
        ++acknowledged_writes;
      }
    });
  }
  while (acknowledged_writes < 400) std::this_thread::yield();
  server_->Kill();
  stop = true;
  for (auto& c : clients) c.join();

  EXPECT_EQ(server_->store().CheckConsistency(), "ok");
  ServerProcess restarted(dir_, ServerArgs(), server_->database);
  HttpClient c(restarted.base_url, server_->project_id, server_->token);
  for (const auto& [id, username] : created) {
    auto r = c.Get(std::string(kEndpoints) + "/" + id);
    ASSERT_EQ(r.status, 200) << id;
    EXPECT_EQ(r.Json()["username"], username);
  }
  for (int u = 0; u < kUpdaters; ++u) {
    auto caller_id = c.Get(std::string(kEndpoints) + "/" + targets[u]).Json()["caller_id"];
    const auto& state = updaters[u];
    if (state.acknowledged < 0 && caller_id.is_null())
      continue;  // nothing acknowledged and nothing landed
    std::string value = caller_id.is_string() ? caller_id.get<std::string>() : "null";
    EXPECT_TRUE(value == "v" + std::to_string(state.acknowledged) ||
                value == "v" + std::to_string(state.attempted))
        << "updater " << u << ": stored " << value << ", acknowledged v" << state.acknowledged;
  }
  EXPECT_EQ(restarted.Stop(), 0);
  server_.reset();  // already killed; nothing to check in TearDown
}

}  // namespace
}  // namespace sb::testing
