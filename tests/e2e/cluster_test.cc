// Several `switchboard serve` processes on one database (how switchboard scales out): the
// contract's invariants hold across processes.
#include <atomic>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class ClusterTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    second_ = std::make_unique<ServerProcess>(dir_, ServerArgs(), server_->database);
  }
  void TearDown() override {
    EXPECT_EQ(second_->Stop(), 0) << second_->Stderr();
    EXPECT_EQ(second_->ResponseViolations(), "");
    ApiTest::TearDown();
  }
  HttpClient Client(int process) {
    const auto& s = process % 2 ? *second_ : *server_;
    return HttpClient(s.base_url, server_->project_id, server_->token);
  }

  std::unique_ptr<ServerProcess> second_;
};

TEST_F(ClusterTest, FiftyConcurrentCreatesOfOneUsernameOverTwoProcessesYieldExactlyOne) {
  auto race = RaceCreates(
      50, [&](int i) { return Client(i); }, [](int) { return "shared-name"; });
  EXPECT_EQ(race.created, 1);
  EXPECT_EQ(race.refused, 49);
  EXPECT_EQ(race.other, 0);
}

TEST_F(ClusterTest, AListWalkedAlternatelyThroughBothProcessesSeesEveryEndpointOnce) {
  std::set<std::string> made;
  for (int i = 0; i < 40; ++i) {
    auto c = Client(i);
    auto r =
        c.Post(kEndpoints,
               Json{{"username", "e" + std::to_string(i)}, {"password", "s3cret-pass"}}.dump());
    ASSERT_EQ(r.status, 201);
    made.insert(r.Json()["id"].get<std::string>());
  }
  std::vector<std::string> seen;
  std::string query = "?page_size=6";
  for (int page = 0;; ++page) {
    // The token one process issued, redeemed at the other: same path and query, other host.
    auto c = Client(page);
    auto r = c.Get(std::string(kEndpoints) + query);
    ASSERT_EQ(r.status, 200) << r.body;
    auto body = r.Json();
    for (const auto& e : body["data"]) seen.push_back(e["id"]);
    if (!body["links"].contains("next"))
      break;
    std::string next = body["links"]["next"];
    query = next.substr(next.find('?'));
    ASSERT_LT(page, 20);
  }
  EXPECT_EQ(seen.size(), made.size());
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), made);
}

TEST_F(ClusterTest, ConcurrentUpdatesOfDifferentFieldsThroughBothProcessesLoseNone) {
  auto e = CreateEndpoint("shared");
  std::string path = std::string(kEndpoints) + "/" + e["id"].get<std::string>();
  // Each process merges its own field, 20 times, at the same time as the other: with a lost
  // update, one process's write would carry the other's field back to an old value.
  std::atomic<int> ok{0};
  std::thread caller_ids([&] {
    auto c = Client(0);
    for (int i = 1; i <= 20; ++i) {
      ok += c.Put(path, Json{{"caller_id", "caller " + std::to_string(i)}}.dump()).status == 200;
    }
  });
  std::thread send_as([&] {
    auto c = Client(1);
    for (int i = 1; i <= 20; ++i) {
      ok += c.Put(path, Json{{"send_as", "+1555000" + std::to_string(1000 + i)}}.dump()).status ==
            200;
    }
  });
  caller_ids.join();
  send_as.join();
  EXPECT_EQ(ok, 40);
  auto final = client_->Get(path).Json();
  EXPECT_EQ(final["caller_id"], "caller 20");
  EXPECT_EQ(final["send_as"], "+15550001020");
}

}  // namespace
}  // namespace sb::testing
