#pragma once

// Template bodies of PgDatabase (included by pg_database.h only).

namespace sb {

class PgDatabase::Lease {
 public:
  explicit Lease(PgDatabase& db) : db_(db), slot_(db.Acquire()) {}
  ~Lease() { db_.Release(slot_, broken_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  Slot& slot() { return *slot_; }
  void MarkBroken() { broken_ = true; }

 private:
  PgDatabase& db_;
  Slot* slot_;
  bool broken_ = false;
};

template <class T>
Result<T> PgDatabase::Transact(const std::function<Result<T>(PgTransaction&)>& work) {
  return Run(work, /*autocommit=*/false);
}

template <class T>
Result<T> PgDatabase::Read(const std::function<Result<T>(PgTransaction&)>& work) {
  return Run(work, /*autocommit=*/true);
}

template <class T>
Result<T> PgDatabase::Run(const std::function<Result<T>(PgTransaction&)>& work, bool autocommit) {
  Lease lease(*this);
  try {
    Slot& slot = lease.slot();
    if (!slot.connection) {
      // A connection that could not be made says nothing about the open ones, so it retires
      // none of them: on a busy machine a connect can outlast connect_timeout, and retiring the
      // pool then made every call connect again and time out again (a 1M load on PostgreSQL
      // fell to 143 creates a second, with a new session per 4.5 creates).
      try {
        slot.connection = std::make_unique<pqxx::connection>(url_);
      } catch (const std::exception& e) {
        return Fail(MapException(e));
      }
      slot.prepared.clear();
    }
    PgTransaction tx(*slot.connection, slot.prepared, autocommit);
    Result<T> result = work(tx);
    if (result)
      tx.Commit();
    return result;
  } catch (const pqxx::broken_connection& e) {
    lease.MarkBroken();
    return Fail(MapException(e));
  } catch (const pqxx::in_doubt_error& e) {
    lease.MarkBroken();
    return Fail(MapException(e));
  } catch (const pqxx::sql_error& e) {
    // The server going down reports admin shutdown (57P01) before the socket breaks.
    if (e.sqlstate().rfind("57P", 0) == 0 || e.sqlstate().rfind("08", 0) == 0)
      lease.MarkBroken();
    return Fail(MapException(e));
  } catch (const std::exception& e) {
    return Fail(MapException(e));
  }
}

}  // namespace sb
