#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <libpq-fe.h>

#include "domain/error.h"

namespace sb {

// A result of libpq's, freed with it.
using PgResultPtr = std::shared_ptr<PGresult>;

// Runs read-only prepared statements for many callers at once without holding their threads:
// the statements queue, one thread sends whatever has queued on a few connections in libpq's
// pipeline mode (many statements in one write, their answers read in one) and calls each
// caller's `done` with its answer. A GET by id on PostgreSQL spends half its cost on the round
// trip around its one statement (docs/performance.md); here concurrent GETs share round trips,
// and the HTTP thread that asked goes on serving other connections meanwhile.
//
// Only for statements that change nothing: a statement that PostgreSQL skipped because an
// earlier one of its batch failed is sent again. Failures: a connection that breaks fails what
// it carried with kUnavailable and is opened again on the next call (and, while the server
// cannot be reached, at most every 250 ms, calls meanwhile answering kUnavailable); a statement's
// error maps like PgDatabase's (pg_errors.h). Thread-safe.
class PgPipeline {
 public:
  using Done = std::function<void(Result<PgResultPtr>)>;

  // `url`: a libpq URI. `statements`: the SQL of each statement, prepared on every connection
  // and named by its index in Submit. Connects lazily: a server that is down at start-up only
  // makes the first calls answer kUnavailable.
  PgPipeline(std::string url, std::vector<std::string> statements, std::size_t connections);
  // Stops (see Stop).
  ~PgPipeline();

  // Runs statement `statement` with `params` (text; PostgreSQL converts them), then calls `done`
  // exactly once, on the pipeline's thread (or on this one, when stopped): the result (with
  // PGRES_TUPLES_OK), or an error. `done` must not block: it holds up every other answer.
  void Submit(std::size_t statement, std::vector<std::string> params, Done done);

  // Answers every call still waiting with kUnavailable, refuses new ones the same way, and joins
  // the thread. Idempotent.
  void Stop();

 private:
  struct Call {
    std::size_t statement = 0;
    std::vector<std::string> params;
    Done done;
  };
  // A statement sent on a connection, or (`call` empty) the sync point closing a batch.
  struct Sent {
    std::optional<Call> call;
    PgResultPtr result;  // its answer so far
    std::optional<Error> error;
    bool aborted = false;  // skipped by PostgreSQL: an earlier statement of the batch failed
  };
  struct Connection {
    PGconn* conn = nullptr;
    std::deque<Sent> sent;  // oldest first, as the answers arrive
    bool want_write = false;
    std::chrono::steady_clock::time_point next_attempt{};
  };

  void Run();
  // Opens `c` if it is closed and its next attempt is due; whether it is open.
  bool Open(Connection& c);
  void Close(Connection& c, std::vector<std::pair<Done, Result<PgResultPtr>>>& answers);
  void Send(Connection& c, std::vector<Call>& batch, std::size_t count,
            std::vector<std::pair<Done, Result<PgResultPtr>>>& answers);
  // Reads what has arrived; moves finished calls' answers to `answers`, aborted ones to `again`.
  void Receive(Connection& c, std::vector<std::pair<Done, Result<PgResultPtr>>>& answers,
               std::vector<Call>& again);
  void Wake();

  const std::string url_;
  const std::vector<std::string> statements_;
  std::vector<Connection> connections_;
  int wake_fd_ = -1;  // an eventfd: Submit and Stop wake the thread through it
  std::mutex mutex_;
  std::vector<Call> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sb
