#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace sb {

// What went wrong, in protocol-neutral terms (the meanings of absl::StatusCode).
// When adding a code, update StatusFor() in api/error_response.cc and the renderers there.
enum class ErrorCode {
  kInvalidArgument,     // a field breaks a rule (422 with one field error each)
  kMalformed,           // the request cannot be read: bad JSON, bad query string (400)
  kNotFound,            // no such record in the caller's project
  kAlreadyExists,       // a uniqueness constraint refused the write
  kUnauthenticated,     // missing or bad credentials
  kPermissionDenied,    // known caller without the scope
  kFailedPrecondition,  // valid request that the current state forbids
  kUnavailable,         // the store cannot be reached; retrying may help
  kResourceExhausted,   // a rate limit refused the request; retry after `retry_after_seconds`
  kInternal,            // a bug or an unexpected driver failure
};

// A stable lower-case name of the code ("not_found"), for metrics and logs.
constexpr std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kMalformed:
      return "malformed";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kAlreadyExists:
      return "already_exists";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kFailedPrecondition:
      return "failed_precondition";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kResourceExhausted:
      return "resource_exhausted";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

// One entry of a 422 body: a machine code, the attribute it concerns (empty when none) and a
// sentence for people. The sentence never contains a secret.
struct FieldError {
  std::string code;
  std::string attribute;
  std::string message;

  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::vector<FieldError> fields;  // non-empty for validation errors
  std::string internal;            // for logs only, never sent to a client
  int retry_after_seconds = 0;     // kResourceExhausted: when to try again

  static Error Validation(std::vector<FieldError> fields) {
    return {ErrorCode::kInvalidArgument, std::move(fields), {}};
  }
  static Error Invalid(std::string code, std::string attribute, std::string message) {
    return Validation({{std::move(code), std::move(attribute), std::move(message)}});
  }
  static Error Malformed(std::string code, std::string attribute, std::string message) {
    return {
        ErrorCode::kMalformed, {{std::move(code), std::move(attribute), std::move(message)}}, {}};
  }
  static Error NotFound(std::string internal = {}) {
    return {ErrorCode::kNotFound, {}, std::move(internal)};
  }
  static Error AlreadyExists(std::string internal = {}) {
    return {ErrorCode::kAlreadyExists, {}, std::move(internal)};
  }
  static Error FailedPrecondition(std::vector<FieldError> fields, std::string internal = {}) {
    return {ErrorCode::kFailedPrecondition, std::move(fields), std::move(internal)};
  }
  static Error Unauthenticated() { return {ErrorCode::kUnauthenticated, {}, {}}; }
  static Error PermissionDenied() { return {ErrorCode::kPermissionDenied, {}, {}}; }
  static Error Unavailable(std::string internal) {
    return {ErrorCode::kUnavailable, {}, std::move(internal)};
  }
  static Error RateLimited(int retry_after_seconds, std::string internal) {
    return {ErrorCode::kResourceExhausted, {}, std::move(internal), retry_after_seconds};
  }
  static Error Internal(std::string internal) {
    return {ErrorCode::kInternal, {}, std::move(internal)};
  }
};

template <class T>
using Result = tl::expected<T, Error>;

// Shorthand for returning an error from a function whose type is Result<T>.
inline tl::unexpected<Error> Fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

}  // namespace sb
