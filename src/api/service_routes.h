#pragma once

#include <string_view>

#include "http/router.h"
#include "storage/project_store.h"

namespace sb {

// The embedded documents (generated from openapi/openapi.yaml and docs/errors.md).
std::string_view OpenApiDocument();
std::string_view ErrorCodesDocument();

namespace api {

// Routes that need no credentials: GET /healthz (liveness: the process answers), GET /readyz
// (readiness: the store answers too; 503 otherwise), GET /openapi.yaml (the API document),
// GET /docs/errors (the page that Fabric errors' `url` points at). `store` must outlive the
// router.
void AddServiceRoutes(http::Router& router, ProjectStore& store);

}  // namespace api
}  // namespace sb
