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

}  // namespace
}  // namespace sb::http
