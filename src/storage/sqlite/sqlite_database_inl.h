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
  std::optional<Result<T>> result;
  QueuedWrite write;
  write.run = [&](SqliteConnection& connection) {
    try {
      result.emplace(work(connection));
    } catch (const std::exception& e) {
      result.emplace(Fail(MapException(e)));
    }
    return result->has_value();
  };
  SubmitWrite(write);
  if (write.failure)
    return Fail(std::move(*write.failure));
  return std::move(*result);
}

}  // namespace sb
