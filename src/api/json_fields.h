#pragma once

#include <string>
#include <vector>

#include "api/json_body.h"
#include "domain/endpoint_patch.h"

namespace sb::api {

// Reads `key` of a request object into a patch field: absent stays absent, null is null, a
// string is the value; any other type records `not_a_string` and leaves the field absent.
void ReadStringField(const Json& object, const char* key, PatchField<std::string>& field,
                     std::vector<FieldError>& errors);

// As ReadStringField for an array of strings (`not_an_array_of_strings` otherwise).
void ReadStringListField(const Json& object, const char* key,
                         PatchField<std::vector<std::string>>& field,
                         std::vector<FieldError>& errors);

}  // namespace sb::api
