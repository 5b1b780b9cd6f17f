#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sb::api {

// Appends JSON text to a string, for the hot responses (endpoints and their pages): building
// them as nlohmann::ordered_json costs ~8 us an endpoint (keys are found by linear search),
// most of a list request (bench/micro). Keys and structure are the caller's job; the writer
// places commas and escapes strings. Not thread-safe; one per response.
//
// A page of 50 endpoints is ~3,000 small pieces, so the cost is in the appends, not the bytes:
// a key is held until its value is written, and the comma, the key and a plain string value go
// into the output as one append (bench/micro: BM_RenderRelayPageOf50); a plain string array and
// a run of null members go in one append each as well. Writing every piece straight into a
// buffer grown ahead of the text (no append call, no stack copy) rendered a page of 50 about 5%
// faster in bench/micro and moved a list request by less than the noise; left out.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // A key inside an object; the next call writes its value. Keys are written as they are: the
  // caller's own names, which need no escaping. The text must stay valid until that next call
  // (the key is written with its value).
  void Key(std::string_view key) {
    key_ = key;
    has_key_ = true;
  }
  void String(std::string_view value);
  void Null() { Value("null"); }
  void Bool(bool value) { Value(value ? "true" : "false"); }
  void StringOrNull(const std::string* value) { value ? String(*value) : Null(); }
  void StringArray(const std::vector<std::string>& values);
  // `"key":null` for each of `keys` in turn, in as few appends as the stack buffer allows: an
  // endpoint's unset companion fields, most of its keys. (No key may be pending.)
  void NullMembers(std::span<const std::string_view> keys);
  // Already-serialised JSON, placed as one value.
  void Raw(std::string_view json) { Value(json); }

 private:
  // Writes what goes before a value (the comma, the pending key) into `to`, which has room for
  // kMaxPrefix + the key; returns the end.
  char* Prefix(char* to);
  // The prefix and `json` in one append.
  void Value(std::string_view json);
  void Open(char c);
  void Close(char c);

  std::string& out_;
  std::string_view key_;
  bool has_key_ = false;
  bool need_comma_ = false;  // something was written in the open container
};

}  // namespace sb::api
