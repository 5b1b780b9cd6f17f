#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sb::api {

// Appends JSON text to a string, for the hot responses (endpoints and their pages): building
// them as nlohmann::ordered_json costs ~8 us an endpoint (keys are found by linear search),
// most of a list request (bench/micro). Keys and structure are the caller's job; the writer
// places commas and escapes strings. Not thread-safe; one per response.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // A key inside an object; the next call writes its value. Keys are written as they are: the
  // caller's own names, which need no escaping.
  void Key(std::string_view key);
  void String(std::string_view value);
  void Null();
  void Bool(bool value);
  void StringOrNull(const std::string* value) { value ? String(*value) : Null(); }
  void StringArray(const std::vector<std::string>& values);
  // Already-serialised JSON, placed as one value.
  void Raw(std::string_view json);

 private:
  void Separate();
  void Open(char c);
  void Close(char c);

  std::string& out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace sb::api
