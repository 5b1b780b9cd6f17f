#include "api/json_fields.h"

namespace sb::api {

void ReadStringField(const Json& object, const char* key, PatchField<std::string>& field,
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

void ReadStringListField(const Json& object, const char* key,
                         PatchField<std::vector<std::string>>& field,
                         std::vector<FieldError>& errors) {
  auto it = object.find(key);
  if (it == object.end())
    return;
  if (it->is_null())
    return field.SetNull();
  bool ok = it->is_array();
  std::vector<std::string> values;
  if (ok) {
    for (const auto& item : *it) {
      if (!item.is_string()) {
        ok = false;
        break;
      }
      values.push_back(item.get<std::string>());
    }
  }
  if (ok)
    return field.Set(std::move(values));
  errors.push_back(
      {"not_an_array_of_strings", key, std::string(key) + " must be an array of strings"});
}

}  // namespace sb::api
