#pragma once

#include "api/json_body.h"
#include "domain/endpoint_patch.h"

namespace sb::api {

// Reads an endpoint write of either surface (they share field names) into a patch, checking
// JSON types only: a wrong type is recorded in decode_errors (not_a_string,
// not_an_array_of_strings, invalid_codecs_format) and the field left absent. Unknown keys,
// including `id` and camelCase variants, are ignored (CONTRACT 4, 11). `codecs` may also be a
// comma-separated string.
EndpointPatch DecodeEndpointPatch(const Json& object);

}  // namespace sb::api
