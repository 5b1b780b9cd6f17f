#pragma once

#include <string_view>

#include "http/router.h"

namespace sb {

// The embedded documents (generated from openapi/openapi.yaml and docs/errors.md).
std::string_view OpenApiDocument();
std::string_view ErrorCodesDocument();

namespace api {

// Routes that need no credentials: GET /healthz (liveness), GET /openapi.yaml (the API
// document), GET /docs/errors (the page that Fabric errors' `url` points at).
void AddServiceRoutes(http::Router& router);

}  // namespace api
}  // namespace sb
