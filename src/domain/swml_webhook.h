#pragma once

#include <optional>
#include <string>

#include "domain/clock.h"
#include "domain/endpoint_patch.h"
#include "domain/error.h"

namespace sb {

// A Fabric SWML webhook resource (CONTRACT 6): calls handed to it fetch SWML from a URL.
struct SwmlWebhook {
  std::string resource_id;
  std::string project_id;
  std::string name;
  std::string used_for = "calling";
  std::string primary_request_url;
  std::string primary_request_method = "POST";
  std::optional<std::string> fallback_request_url;
  std::optional<std::string> fallback_request_method;
  std::optional<std::string> status_callback_url;
  std::optional<std::string> status_callback_method;
  Micros created_at = 0;
  Micros updated_at = 0;

  bool operator==(const SwmlWebhook&) const = default;
};

struct SwmlWebhookPatch {
  PatchField<std::string> name;
  PatchField<std::string> used_for;
  PatchField<std::string> primary_request_url;
  PatchField<std::string> primary_request_method;
  PatchField<std::string> fallback_request_url;
  PatchField<std::string> fallback_request_method;
  PatchField<std::string> status_callback_url;
  PatchField<std::string> status_callback_method;
  std::vector<FieldError> decode_errors;  // as in EndpointPatch
};

// Applies a create (`webhook` default) or merge update, with every field error at once:
// name required (1 to 255 characters), used_for "calling", URLs absolute http(s)
// (primary required), methods GET or POST; a method defaults to POST while its URL is set and
// is null without it.
Result<SwmlWebhook> ApplySwmlWebhookPatch(SwmlWebhook webhook, const SwmlWebhookPatch& patch,
                                          bool create);

}  // namespace sb
