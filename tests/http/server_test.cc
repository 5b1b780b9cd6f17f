#include "http/server.h"

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <vector>

#include <gtest/gtest.h>

#include "support/http_client.h"

namespace sb::http {
namespace {

// Writes that wait (for an fsync, in the stores) run on the write threads: with one I/O thread
// and two writes stuck in their handlers, a GET is still answered.
TEST(Server, AWaitingWriteHoldsNoIoThread) {
  std::mutex mutex;
  std::condition_variable released_cv;
  bool released = false;
  int waiting = 0;
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.write_threads = 2;
  Server server(
      options,
      [&](Request& request) {
        if (request.method == "POST") {
          std::unique_lock lock(mutex);
          ++waiting;
          released_cv.notify_all();
          released_cv.wait(lock, [&] { return released; });
        }
        return Response::Json(200, "{}");
      },
      [](int status) { return Response::Json(status, "{}"); });
  server.Start();
  std::string url = "http://127.0.0.1:" + std::to_string(server.port());

  auto release = [&] {
    {
      std::lock_guard lock(mutex);
      released = true;
    }
    released_cv.notify_all();
  };
  std::vector<std::future<long>> writes;
  for (int i = 0; i < 2; ++i) {
    writes.push_back(std::async(
        std::launch::async, [&] { return sb::testing::HttpClient(url).Post("/w", "{}").status; }));
  }
  bool both_waiting = false;
  {
    std::unique_lock lock(mutex);
    both_waiting =
        released_cv.wait_for(lock, std::chrono::seconds(10), [&] { return waiting == 2; });
  }
  EXPECT_TRUE(both_waiting) << "the second write never reached its handler";
  if (both_waiting) {
    EXPECT_EQ(sb::testing::HttpClient(url).Get("/r").status, 200);  // while both writes wait
  }
  release();
  for (auto& w : writes) EXPECT_EQ(w.get(), 200);
  server.Stop();
}

// A graceful stop turns new connections away while the requests already in flight finish: the
// stop has begun, a new client is refused, and the slow request is still answered.
TEST(Server, StopTurnsNewConnectionsAwayWhileRequestsFinish) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> slow_started;
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  Server server(
      options,
      [&](Request& request) {
        if (request.path == "/slow") {
          slow_started.set_value();
          released.wait();
        }
        return Response::Json(200, "{}");
      },
      [](int status) { return Response::Json(status, "{}"); });
  server.Start();
  std::string url = "http://127.0.0.1:" + std::to_string(server.port());

  auto slow = std::async(std::launch::async,
                         [&] { return sb::testing::HttpClient(url).Get("/slow").status; });
  ASSERT_EQ(slow_started.get_future().wait_for(std::chrono::seconds(10)),
            std::future_status::ready);
  ASSERT_EQ(sb::testing::HttpClient(url).Get("/fast").status, 200);  // before the stop
  auto stopped = std::async(std::launch::async, [&] { server.Stop(); });

  // The stop closes the gate at once; until then a new client may still be served.
  bool refused = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!refused && std::chrono::steady_clock::now() < deadline) {
    refused = sb::testing::HttpClient(url).Get("/fast").status == 0;
  }
  EXPECT_TRUE(refused) << "a connection opened during the drain was served";
  EXPECT_EQ(stopped.wait_for(std::chrono::milliseconds(0)), std::future_status::timeout)
      << "the stop did not wait for the request in flight";
  release.set_value();
  EXPECT_EQ(slow.get(), 200);
  stopped.get();
}

}  // namespace
}  // namespace sb::http
