#pragma once

#include <string>

#include "domain/error.h"

namespace sb {

// The error for a statement that failed with SQLSTATE `state`: a malformed id (22P02) names no
// record; a lost connection, a server shutting down, a serialization failure, a deadlock or too
// many connections are kUnavailable (retrying may help); the rest kInternal. `message` goes to
// the internal text only.
Error PgErrorFromSqlState(const std::string& state, const std::string& message);

}  // namespace sb
