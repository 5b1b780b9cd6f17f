#include "api/endpoint_codec.h"

#include <string>

#include "api/json_fields.h"

namespace sb::api {
namespace {

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
  ReadStringField(object, "username", patch.username, errors);
  ReadStringField(object, "password", patch.password, errors);
  ReadStringField(object, "display_name", patch.display_name, errors);
  ReadStringField(object, "caller_id", patch.caller_id, errors);
  ReadStringField(object, "send_as", patch.send_as, errors);
  ReadStringListField(object, "ciphers", patch.ciphers, errors);
  ReadCodecs(object, patch);
  ReadStringField(object, "encryption", patch.encryption, errors);
  ReadStringField(object, "call_handler", patch.call_handler, errors);
  ReadStringField(object, "calling_handler_resource_id", patch.calling_handler_resource_id, errors);
  const auto& specs = CompanionSpecs();
  for (std::size_t i = 0; i < kCompanionCount; ++i) {
    ReadStringField(object, std::string(specs[i].name).c_str(), patch.companions[i], errors);
  }
  return patch;
}

}  // namespace sb::api
