#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/call_handler.h"
#include "domain/error.h"

namespace sb {

// One field of a write: absent (leave it), null (clear it or return it to its default), or a value.
template <class T>
struct PatchField {
  bool present = false;
  std::optional<T> value;

  bool IsNull() const { return present && !value; }
  void Set(T v) {
    present = true;
    value = std::move(v);
  }
  void SetNull() {
    present = true;
    value.reset();
  }
};

// A create or update request, decoded from either surface's JSON but not yet validated. The
// codecs check JSON types only; domain rules run in ApplyEndpointPatch (endpoint_rules.h).
struct EndpointPatch {
  PatchField<std::string> username;
  PatchField<std::string> password;
  PatchField<std::string> display_name;
  PatchField<std::string> caller_id;
  PatchField<std::string> send_as;
  PatchField<std::vector<std::string>> ciphers;
  PatchField<std::vector<std::string>> codecs;
  PatchField<std::string> encryption;
  PatchField<std::string> call_handler;
  PatchField<std::string> calling_handler_resource_id;
  std::array<PatchField<std::string>, kCompanionCount> companions;

  // Type errors the codec found (a number where a string belongs, ...). Validation reports them
  // together with its own, so a client sees every problem of a request at once.
  std::vector<FieldError> decode_errors;
};

}  // namespace sb
