#include "http/server.h"

#include <chrono>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/http_client.h"
#include "support/raw_connection.h"

namespace sb::http {
namespace {

// Options for a test server on any free port with `threads` I/O threads.
ServerOptions AnyPort(std::size_t threads) {
  ServerOptions options;
  options.port = 0;
  options.threads = threads;
  return options;
}

// Writes that wait (for an fsync, in the stores) run on the write threads: with one I/O thread
// and two writes stuck in their handlers, a GET is still answered.
TEST(Server, AWaitingWriteHoldsNoIoThread) {
  std::mutex mutex;
  std::condition_variable released_cv;
  bool released = false;
  int waiting = 0;
  ServerOptions options = AnyPort(1);
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

// ServerOptions::runs_on_write_pool picks the writes that go to the write threads; the others
// run on the I/O thread they arrived on, as reads do.
TEST(Server, RunsOnTheWritePoolOnlyTheWritesItIsToldTo) {
  std::mutex mutex;
  std::map<std::string, std::thread::id> ran_on;
  ServerOptions options = AnyPort(1);
  options.write_threads = 2;
  options.runs_on_write_pool = [](std::string_view method, std::string_view path) {
    return !(method == "POST" && path == "/inline");
  };
  Server server(
      options,
      [&](Request& request) {
        std::lock_guard lock(mutex);
        ran_on[request.method + " " + request.path] = std::this_thread::get_id();
        return Response::Json(200, "{}");
      },
      [](int status) { return Response::Json(status, "{}"); });
  server.Start();
  sb::testing::HttpClient client("http://127.0.0.1:" + std::to_string(server.port()));
  EXPECT_EQ(client.Get("/read").status, 200);
  EXPECT_EQ(client.Post("/inline", "{}").status, 200);
  EXPECT_EQ(client.Post("/pooled", "{}").status, 200);
  server.Stop();
  std::lock_guard lock(mutex);
  ASSERT_EQ(ran_on.size(), 3u);
  EXPECT_EQ(ran_on["POST /inline"], ran_on["GET /read"]) << "not on the I/O thread";
  EXPECT_NE(ran_on["POST /pooled"], ran_on["GET /read"]) << "not on a write thread";
}

// A graceful stop turns new connections away while the requests already in flight finish: the
// stop has begun, a new client is refused, and the slow request is still answered.
TEST(Server, StopTurnsNewConnectionsAwayWhileRequestsFinish) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> slow_started;
  ServerOptions options = AnyPort(2);
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

// An asynchronous handler holds no I/O thread while it waits: with one I/O thread and a request
// whose answer is still to come, another request is served; the first is answered once its
// reply comes from another thread, and a second reply for it is ignored.
TEST(Server, AnAsynchronousHandlerHoldsNoIoThreadWhileItsAnswerIsToCome) {
  std::promise<Reply> pending;
  ServerOptions options = AnyPort(1);
  Server server(
      options,
      [&](Request& request, Reply reply) {
        if (request.path == "/later")
          return pending.set_value(std::move(reply));
        reply(Response::Json(200, R"({"now":true})"));
      },
      [](int status) { return Response::Json(status, "{}"); });
  server.Start();
  std::string url = "http://127.0.0.1:" + std::to_string(server.port());

  auto later =
      std::async(std::launch::async, [&] { return sb::testing::HttpClient(url).Get("/later"); });
  auto reply_future = pending.get_future();
  ASSERT_EQ(reply_future.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  Reply reply = reply_future.get();
  EXPECT_EQ(sb::testing::HttpClient(url).Get("/now").status, 200);  // while /later waits
  std::thread([reply] {
    reply(Response::Json(200, R"({"later":true})"));
    reply(Response::Json(500, "{}"));
  }).join();
  auto answered = later.get();
  EXPECT_EQ(answered.status, 200);
  EXPECT_EQ(answered.body, R"({"later":true})");
  server.Stop();
}

// A second answer to one request is dropped: it neither reaches the connection (where the client
// would take it for the answer to its next request) nor counts as a second request finished, which
// left Stop waiting out its whole drain timeout for a request that never comes.
TEST(Server, ASecondReplyToOneRequestIsDropped) {
  ServerOptions options = AnyPort(1);
  options.drain_timeout = std::chrono::seconds(60);
  Server server(
      options,
      [](Request& request, Reply reply) {
        if (request.path != "/twice")
          return reply(Response::Json(200, R"({"next":true})"));
        reply(Response::Json(200, R"({"first":true})"));
        reply(Response::Json(200, R"({"second":true})"));
      },
      [](int status) { return Response::Json(status, "{}"); });
  server.Start();
  sb::testing::RawConnection connection("http://127.0.0.1:" + std::to_string(server.port()));
  ASSERT_TRUE(connection.Send("GET /twice HTTP/1.1\r\nHost: t\r\n\r\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // any second write goes first
  ASSERT_TRUE(connection.Send("GET /next HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"));
  std::string received = connection.ReadUntilClosed(std::chrono::seconds(10));
  EXPECT_NE(received.find(R"({"first":true})"), std::string::npos) << received;
  EXPECT_NE(received.find(R"({"next":true})"), std::string::npos) << received;
  EXPECT_EQ(received.find("second"), std::string::npos) << received;
  // Nothing is in flight: Stop returns at once, not after the 60 s drain timeout.
  auto stop = std::async(std::launch::async, [&] { server.Stop(); });
  EXPECT_EQ(stop.wait_for(std::chrono::seconds(30)), std::future_status::ready);
}

// A handler that throws before it replies is answered 500, once.
TEST(Server, AnAsynchronousHandlerThatThrowsIsAnswered500) {
  ServerOptions options = AnyPort(4);
  Server server(
      options, [](Request&, Reply) { throw std::runtime_error("handler bug"); },
      [](int status) {
        return Response::Json(status, R"({"status":)" + std::to_string(status) + "}");
      });
  server.Start();
  auto answered =
      sb::testing::HttpClient("http://127.0.0.1:" + std::to_string(server.port())).Get("/x");
  EXPECT_EQ(answered.status, 500);
  EXPECT_EQ(answered.body, R"({"status":500})");
  server.Stop();
}

}  // namespace
}  // namespace sb::http
