#include "storage/postgres/pg_pipeline.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "storage/postgres/pg_errors.h"

namespace sb {
namespace {

using Answers = std::vector<std::pair<PgPipeline::Done, Result<PgResultPtr>>>;

// How long a connection that failed to open is left alone before the next attempt: a server that
// is down is not asked again on every request.
constexpr auto kReopenDelay = std::chrono::milliseconds(250);

std::string StatementName(std::size_t index) { return "sb_pipeline_" + std::to_string(index); }

Error Lost(const char* what) { return Error::Unavailable(std::string("postgres: ") + what); }

// The first line of libpq's message (its others repeat the statement's context).
std::string FirstLine(const char* message) {
  std::string text = message ? message : "";
  if (auto end = text.find('\n'); end != std::string::npos)
    text.resize(end);
  return text;
}

}  // namespace

PgPipeline::PgPipeline(std::string url, std::vector<std::string> statements,
                       std::size_t connections)
    : url_(std::move(url)),
      statements_(std::move(statements)),
      connections_(std::max<std::size_t>(1, connections)) {
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0)
    throw std::runtime_error("eventfd failed");
  thread_ = std::thread([this] { Run(); });
}

PgPipeline::~PgPipeline() {
  Stop();
  close(wake_fd_);
}

void PgPipeline::Submit(std::size_t statement, std::vector<std::string> params, Done done) {
  bool first = false;
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back(Call{statement, std::move(params), std::move(done)});
      // Only the first call of a batch wakes the thread; the rest ride along with it.
      first = queue_.size() == 1;
      if (!first)
        return;
    }
  }
  if (first) {
    Wake();
  } else {
    done(Fail(Lost("shutting down")));
  }
}

void PgPipeline::Wake() {
  std::uint64_t one = 1;
  [[maybe_unused]] auto written = write(wake_fd_, &one, sizeof one);
}

void PgPipeline::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_)
      return;
    stopping_ = true;
  }
  Wake();
  thread_.join();
  Answers answers;
  for (auto& c : connections_) Close(c, answers);
  std::vector<Call> queued;
  {
    std::lock_guard lock(mutex_);
    queued.swap(queue_);
  }
  for (auto& call : queued) answers.emplace_back(std::move(call.done), Fail(Lost("shutting down")));
  for (auto& [done, answer] : answers) done(std::move(answer));
}

bool PgPipeline::Open(Connection& c) {
  if (c.conn)
    return true;
  auto now = std::chrono::steady_clock::now();
  if (now < c.next_attempt)
    return false;
  c.next_attempt = now + kReopenDelay;
  PGconn* conn = PQconnectdb(url_.c_str());
  bool ok = PQstatus(conn) == CONNECTION_OK;
  for (std::size_t i = 0; ok && i < statements_.size(); ++i) {
    PGresult* prepared =
        PQprepare(conn, StatementName(i).c_str(), statements_[i].c_str(), 0, nullptr);
    ok = PQresultStatus(prepared) == PGRES_COMMAND_OK;
    PQclear(prepared);
  }
  ok = ok && PQsetnonblocking(conn, 1) == 0 && PQenterPipelineMode(conn) == 1;
  if (!ok) {
    PQfinish(conn);
    return false;
  }
  c.conn = conn;
  return true;
}

void PgPipeline::Close(Connection& c, Answers& answers) {
  for (auto& sent : c.sent) {
    if (sent.call)
      answers.emplace_back(std::move(sent.call->done), Fail(Lost("connection lost")));
  }
  c.sent.clear();
  if (c.conn)
    PQfinish(c.conn);
  c.conn = nullptr;
  c.want_write = false;
  c.next_attempt = {};  // a server that restarted is tried again at once
}

void PgPipeline::Send(Connection& c, std::vector<Call>& batch, std::size_t count,
                      Answers& answers) {
  std::vector<const char*> values;
  for (std::size_t i = 0; i < count; ++i) {
    Call call = std::move(batch.back());
    batch.pop_back();
    if (!c.conn) {
      answers.emplace_back(std::move(call.done), Fail(Lost("connection lost")));
      continue;
    }
    values.clear();
    for (const auto& p : call.params) values.push_back(p.c_str());
    if (!PQsendQueryPrepared(c.conn, StatementName(call.statement).c_str(),
                             static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0)) {
      answers.emplace_back(std::move(call.done), Fail(Lost("send failed")));
      Close(c, answers);
      continue;
    }
    c.sent.push_back(Sent{std::move(call), nullptr, std::nullopt, false});
  }
  if (!c.conn)
    return;
  if (!PQpipelineSync(c.conn)) {
    Close(c, answers);
    return;
  }
  c.sent.push_back(Sent{});
  int flushed = PQflush(c.conn);
  if (flushed < 0)
    Close(c, answers);
  c.want_write = flushed == 1;
}

void PgPipeline::Receive(Connection& c, Answers& answers, std::vector<Call>& again) {
  if (!PQconsumeInput(c.conn)) {
    Close(c, answers);
    return;
  }
  while (!c.sent.empty() && !PQisBusy(c.conn)) {
    PGresult* raw = PQgetResult(c.conn);
    Sent& front = c.sent.front();
    if (!front.call) {  // the sync point that closes a batch
      bool synced = raw && PQresultStatus(raw) == PGRES_PIPELINE_SYNC;
      if (raw)
        PQclear(raw);
      if (!synced) {  // out of step with the connection: start afresh
        Close(c, answers);
        return;
      }
      c.sent.pop_front();
      continue;
    }
    if (!raw) {  // the statement's answers are complete
      Call call = std::move(*front.call);
      if (front.aborted) {
        // Sent again until it runs: the first statement after a sync point is never skipped,
        // so every round answers at least one call.
        again.push_back(std::move(call));
      } else if (front.error) {
        answers.emplace_back(std::move(call.done), Fail(std::move(*front.error)));
      } else if (front.result) {
        answers.emplace_back(std::move(call.done), std::move(front.result));
      } else {
        answers.emplace_back(std::move(call.done), Fail(Error::Internal("postgres: no result")));
      }
      c.sent.pop_front();
      continue;
    }
    PgResultPtr result(raw, PQclear);
    switch (PQresultStatus(raw)) {
      case PGRES_TUPLES_OK:
      case PGRES_COMMAND_OK:
        front.result = std::move(result);
        break;
      case PGRES_PIPELINE_ABORTED:
        front.aborted = true;
        break;
      default: {
        const char* state = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
        front.error = PgErrorFromSqlState(state ? state : "", FirstLine(PQresultErrorMessage(raw)));
      }
    }
  }
}

void PgPipeline::Run() {
  std::vector<Call> batch;
  std::vector<Call> again;
  Answers answers;
  std::vector<pollfd> fds;
  std::vector<Connection*> open;
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_)
        return;
      // Calls to send again go after the new ones in `batch`, which is sent from the back.
      batch.swap(queue_);
      queue_.clear();
    }
    batch.insert(batch.end(), std::make_move_iterator(again.begin()),
                 std::make_move_iterator(again.end()));
    again.clear();
    if (!batch.empty()) {
      open.clear();
      for (auto& c : connections_) {
        if (Open(c))
          open.push_back(&c);
      }
      if (open.empty()) {
        for (auto& call : batch)
          answers.emplace_back(std::move(call.done), Fail(Lost("cannot connect")));
        batch.clear();
      }
      // The least busy connections first, each taking its share of what is left.
      std::sort(open.begin(), open.end(),
                [](auto* a, auto* b) { return a->sent.size() < b->sent.size(); });
      for (std::size_t i = 0; i < open.size() && !batch.empty(); ++i) {
        std::size_t share = (batch.size() + open.size() - i - 1) / (open.size() - i);
        Send(*open[i], batch, share, answers);
      }
    }
    for (auto& [done, answer] : answers) done(std::move(answer));
    answers.clear();

    fds.assign(1, pollfd{wake_fd_, POLLIN, 0});
    for (auto& c : connections_) {
      if (c.conn) {
        short events = static_cast<short>(POLLIN | (c.want_write ? POLLOUT : 0));
        fds.push_back(pollfd{PQsocket(c.conn), events, 0});
      }
    }
    if (poll(fds.data(), fds.size(), -1) < 0)
      continue;  // EINTR
    if (fds[0].revents & POLLIN) {
      std::uint64_t count = 0;
      [[maybe_unused]] auto read_bytes = read(wake_fd_, &count, sizeof count);
    }
    std::size_t f = 1;
    for (auto& c : connections_) {
      if (!c.conn)
        continue;
      short revents = fds[f++].revents;
      if (revents & POLLOUT) {
        int flushed = PQflush(c.conn);
        if (flushed < 0) {
          Close(c, answers);
          continue;
        }
        c.want_write = flushed == 1;
      }
      if (revents & (POLLIN | POLLERR | POLLHUP))
        Receive(c, answers, again);
    }
    for (auto& [done, answer] : answers) done(std::move(answer));
    answers.clear();
  }
}

}  // namespace sb
