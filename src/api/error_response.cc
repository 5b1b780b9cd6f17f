#include "api/error_response.h"

#include "api/json_body.h"

namespace sb::api {
namespace {

// Where a Fabric error's `url` points: the server's own page on its error codes, relative to
// the base URL the client used.
constexpr const char* kErrorDocs = "/docs/errors#";

// The body text of a plain error: the reason phrase; a status without a body of its own (a 422
// that reached here without fields) is a bug, shown as a 500.
std::string_view Reason(int status) {
  std::string_view phrase = http::ReasonPhrase(status);
  return phrase == "Unknown" ? http::ReasonPhrase(500) : phrase;
}

Json RelayEntry(const FieldError& f, int status) {
  Json entry;
  entry["detail"] = f.message;
  entry["status"] = std::to_string(status);
  entry["title"] = status == 422 ? "Invalid Attribute" : "Bad Request";
  entry["code"] = f.code;
  entry["attribute"] = f.attribute.empty() ? Json(nullptr) : Json(f.attribute);
  return entry;
}

Json FabricEntry(const FieldError& f) {
  Json entry;
  entry["type"] = "validation_error";
  entry["code"] = f.code;
  entry["message"] = f.message;
  entry["attribute"] = f.attribute.empty() ? Json(nullptr) : Json(f.attribute);
  entry["url"] = std::string(kErrorDocs) + f.code;
  return entry;
}

}  // namespace

int StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 422;
    case ErrorCode::kMalformed:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
      return 422;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kFailedPrecondition:
      return 422;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kResourceExhausted:
      return 429;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

http::Response ErrorResponse(const Error& error, Surface surface) {
  int status = StatusFor(error.code);
  http::Response response;
  if ((status == 400 || status == 422) && !error.fields.empty()) {
    Json errors = Json::array();
    for (const auto& f : error.fields) {
      errors.push_back(surface == Surface::kRelay ? RelayEntry(f, status) : FabricEntry(f));
    }
    response = http::Response::Json(status, Json{{"errors", errors}}.dump());
  } else {
    response = StatusResponse(status == 422 ? 500 : status);
  }
  response.log_note = error.internal;
  if (error.code == ErrorCode::kResourceExhausted)
    response.headers.emplace_back("Retry-After", std::to_string(error.retry_after_seconds));
  return response;
}

http::Response StatusResponse(int status) {
  auto response = http::Response::Json(status, Json{{"error", Reason(status)}}.dump());
  if (status == 401) {
    response.headers.emplace_back("WWW-Authenticate", "Basic realm=\"switchboard\"");
  }
  return response;
}

}  // namespace sb::api
