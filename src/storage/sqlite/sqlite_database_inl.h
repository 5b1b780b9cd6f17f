#pragma once

// Template bodies of SqliteDatabase (included by sqlite_database.h only).

namespace sb {

class SqliteDatabase::Lease {
 public:
  explicit Lease(SqliteDatabase& db) : db_(db), connection_(db.Acquire()) {}
  ~Lease() {
    connection_->ResetUsed();
    db_.Release(std::move(connection_));
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  SqliteConnection& operator*() { return *connection_; }

 private:
  SqliteDatabase& db_;
  std::unique_ptr<SqliteConnection> connection_;
};

template <class T>
Result<T> SqliteDatabase::Read(const std::function<Result<T>(SqliteConnection&)>& work) {
  try {
    Lease lease(*this);
    SqliteConnection& connection = *lease;
    RenewSnapshot(connection);
    try {
      return work(connection);
    } catch (...) {
      // After an error the transaction's state is SQLite's to say: start the next read afresh.
      connection.ResetUsed();
      connection.EndSnapshot();
      throw;
    }
  } catch (const std::exception& e) {
    return Fail(MapException(e));
  }
}

template <class T>
Result<T> SqliteDatabase::Write(const std::function<Result<T>(SqliteConnection&)>& work) {
  std::mutex mutex;
  std::condition_variable answered;
  std::optional<Result<T>> result;
  WriteAsync<T>(work, [&](Result<T> outcome) {
    // Notified under the lock: once the waiter sees the result it may return and
    // destroy `answered`.
    std::lock_guard lock(mutex);
    result.emplace(std::move(outcome));
    answered.notify_one();
  });
  std::unique_lock lock(mutex);
  answered.wait(lock, [&] { return result.has_value(); });
  return std::move(*result);
}

template <class T>
void SqliteDatabase::WriteAsync(std::function<Result<T>(SqliteConnection&)> work,
                                std::function<void(Result<T>)> done) {
  auto outcome = std::make_shared<std::optional<Result<T>>>();
  auto write = std::make_unique<SqliteWriteQueue::Write>();
  write->run = [work = std::move(work), outcome](SqliteConnection& connection) {
    try {
      outcome->emplace(work(connection));
    } catch (const std::exception& e) {
      outcome->emplace(Fail(MapException(e)));
    }
    return (*outcome)->has_value();
  };
  write->finish = [outcome, done = std::move(done)](std::optional<Error> failure) {
    if (failure)
      return done(Fail(std::move(*failure)));
    done(std::move(**outcome));
  };
  writes_->Enqueue(std::move(write));
}

}  // namespace sb
