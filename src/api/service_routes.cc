#include "api/service_routes.h"

namespace sb::api {

void AddServiceRoutes(http::Router& router, ProjectStore& store) {
  router.Add("GET", "/healthz", [](const http::Request&, const http::PathParams&) {
    return http::Response::Json(200, R"({"status":"ok"})");
  });
  router.Add("GET", "/readyz", [&store](const http::Request&, const http::PathParams&) {
    auto ping = store.Ping();
    if (!ping) {
      auto response =
          http::Response::Json(503, R"({"status":"unavailable","store":"unavailable"})");
      response.log_note = ping.error().internal;
      return response;
    }
    return http::Response::Json(200, R"({"status":"ready","store":"ok"})");
  });
  router.Add("GET", "/openapi.yaml", [](const http::Request&, const http::PathParams&) {
    return http::Response{
        200, {{"Content-Type", "application/yaml"}}, std::string(OpenApiDocument()), {}};
  });
  router.Add("GET", "/docs/errors", [](const http::Request&, const http::PathParams&) {
    return http::Response{200,
                          {{"Content-Type", "text/markdown; charset=utf-8"}},
                          std::string(ErrorCodesDocument()),
                          {}};
  });
}

}  // namespace sb::api
