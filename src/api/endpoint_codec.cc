#include "api/endpoint_codec.h"

#include <string>

namespace sb::api {
namespace {

void ReadString(const Json& object, const char* key, PatchField<std::string>& field,
                std::vector<FieldError>& errors) {
  auto it = object.find(key);
  if (it == object.end())
    return;
  if (it->is_null()) {
    field.SetNull();
  } else if (it->is_string()) {
    field.Set(it->get<std::string>());
  } else {
    errors.push_back({"not_a_string", key, std::string(key) + " must be a string"});
  }
}

// An array of strings; nullopt (with an error recorded) for anything else.
std::optional<std::vector<std::string>> StringArray(const Json& value) {
  if (!value.is_array())
    return std::nullopt;
  std::vector<std::string> out;
  for (const auto& item : value) {
    if (!item.is_string())
      return std::nullopt;
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<std::string> SplitCommaList(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto first = item.find_first_not_of(" \t");
    auto last = item.find_last_not_of(" \t");
    if (first != std::string::npos)
      out.push_back(item.substr(first, last - first + 1));
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return out;
}

void ReadCiphers(const Json& object, EndpointPatch& patch) {
  auto it = object.find("ciphers");
  if (it == object.end())
    return;
  if (it->is_null())
    return patch.ciphers.SetNull();
  if (auto list = StringArray(*it))
    return patch.ciphers.Set(std::move(*list));
  patch.decode_errors.push_back(
      {"not_an_array_of_strings", "ciphers", "ciphers must be an array of strings"});
}

void ReadCodecs(const Json& object, EndpointPatch& patch) {
  auto it = object.find("codecs");
  if (it == object.end())
    return;
  if (it->is_null())
    return patch.codecs.SetNull();
  if (it->is_string())
    return patch.codecs.Set(SplitCommaList(it->get<std::string>()));
  if (auto list = StringArray(*it))
    return patch.codecs.Set(std::move(*list));
  patch.decode_errors.push_back({"invalid_codecs_format", "codecs",
                                 "codecs must be an array of strings or a comma-separated string"});
}

}  // namespace

EndpointPatch DecodeEndpointPatch(const Json& object) {
  EndpointPatch patch;
  auto& errors = patch.decode_errors;
  ReadString(object, "username", patch.username, errors);
  ReadString(object, "password", patch.password, errors);
  ReadString(object, "display_name", patch.display_name, errors);
  ReadString(object, "caller_id", patch.caller_id, errors);
  ReadString(object, "send_as", patch.send_as, errors);
  ReadCiphers(object, patch);
  ReadCodecs(object, patch);
  ReadString(object, "encryption", patch.encryption, errors);
  ReadString(object, "call_handler", patch.call_handler, errors);
  ReadString(object, "calling_handler_resource_id", patch.calling_handler_resource_id, errors);
  const auto& specs = CompanionSpecs();
  for (std::size_t i = 0; i < kCompanionCount; ++i) {
    ReadString(object, std::string(specs[i].name).c_str(), patch.companions[i], errors);
  }
  return patch;
}

}  // namespace sb::api
