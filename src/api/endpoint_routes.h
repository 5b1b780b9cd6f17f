#pragma once

#include <string>
#include <utility>
#include <vector>

#include "api/api_context.h"
#include "api/json_body.h"
#include "api/json_writer.h"
#include "http/router.h"

namespace sb::api {

// How one surface shows SIP endpoints: both surfaces serve the same record through the same
// five operations and differ only in these.
struct EndpointSurface {
  Surface surface;  // error shape and which call handlers may be written
  // Writes the representation's keys into an object the caller opened. `inherited`: null when
  // the endpoint's inherited settings are resolved, else the profile to show them from.
  void (*write_fields)(JsonWriter&, const SipEndpoint&, const SipProfile* inherited);
  std::vector<std::pair<std::string, std::string>> link_params;  // added to every list link
};

// List, create, get, merge-update and delete (CONTRACT 4, 7) under `collection`.
// `context` must outlive the router.
void AddEndpointRoutes(http::Router& router, ApiContext& context, const std::string& collection,
                       const EndpointSurface& surface);

}  // namespace sb::api
