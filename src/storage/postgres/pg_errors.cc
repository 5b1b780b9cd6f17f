#include "storage/postgres/pg_errors.h"

namespace sb {

Error PgErrorFromSqlState(const std::string& state, const std::string& message) {
  if (state == "22P02")
    return Error::NotFound("postgres: " + message);
  if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0 || state == "40001" ||
      state == "40P01" || state == "53300") {
    return Error::Unavailable("postgres " + state + ": " + message);
  }
  return Error::Internal("postgres " + state + ": " + message);
}

}  // namespace sb
