#include "api/service_routes.h"

namespace sb::api {

void AddServiceRoutes(http::Router& router) {
  router.Add("GET", "/healthz", [](const http::Request&, const http::PathParams&) {
    return http::Response::Json(200, R"({"status":"ok"})");
  });
  router.Add("GET", "/openapi.yaml", [](const http::Request&, const http::PathParams&) {
    return http::Response{200, {{"Content-Type", "application/yaml"}}, std::string(OpenApiDocument()), {}};
  });
  router.Add("GET", "/docs/errors", [](const http::Request&, const http::PathParams&) {
    return http::Response{
        200, {{"Content-Type", "text/markdown; charset=utf-8"}}, std::string(ErrorCodesDocument()), {}};
  });
}

}  // namespace sb::api
