#include "api/json_writer.h"

#include <gtest/gtest.h>

#include "api/json_body.h"
#include "api/relay/relay_endpoint_json.h"

namespace sb::api {
namespace {

TEST(JsonWriter, PlacesCommasAndEscapesStrings) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("a");
  w.String("quote \" backslash \\ newline \n tab \t bell \x07 é");
  w.Key("b");
  w.BeginArray();
  w.Null();
  w.Bool(true);
  w.StringArray({"x", "y"});
  w.Raw(R"({"r":1})");
  w.EndArray();
  w.Key("c");
  w.BeginObject();
  w.EndObject();
  w.EndObject();
  EXPECT_EQ(out, R"({"a":"quote \" backslash \\ newline \n tab \t bell \u0007 é",)"
                 R"("b":[null,true,["x","y"],{"r":1}],"c":{}})");
  auto parsed = Json::parse(out);
  EXPECT_EQ(parsed["a"], "quote \" backslash \\ newline \n tab \t bell \x07 é");
}

TEST(JsonWriter, EveryAsciiCharacterRoundTripsAtEveryPositionOfAString) {
  for (int c = 0; c < 0x80; ++c) {
    for (const std::string& text :
         {std::string(1, static_cast<char>(c)), "ab" + std::string(1, static_cast<char>(c)) + "cd",
          std::string(2, static_cast<char>(c)) + "x"}) {
      std::string out;
      JsonWriter(out).String(text);
      EXPECT_EQ(Json::parse(out), text) << "character " << c << ": " << out;
    }
  }
  std::string empty;
  JsonWriter(empty).String("");
  EXPECT_EQ(empty, R"("")");
}

// Long strings are scanned eight bytes at a time before byte by byte: every character that
// needs escaping, and a few that do not (UTF-8 bytes above 0x7f among them), at every position
// of strings longer than two blocks, on both sides of each block boundary.
TEST(JsonWriter, EscapesAtEveryPositionOfLongStrings) {
  std::string special;
  for (int c = 0; c < 0x20; ++c) special += static_cast<char>(c);
  special += "\"\\ ~\x7f";
  for (std::size_t length : {15u, 16u, 17u, 24u, 31u, 32u, 33u, 40u}) {
    for (std::size_t at = 0; at < length; ++at) {
      for (char c : special) {
        std::string text(length, 'a');
        text[at] = c;
        std::string out;
        JsonWriter(out).String(text);
        EXPECT_EQ(Json::parse(out), text) << "character " << int{c} << " at " << at;
      }
      std::string text(length, 'a');
      text.replace(at, std::min<std::size_t>(2, length - at), "\xc3\xa9", 2);  // é, unescaped
      text.resize(length);
      std::string out;
      JsonWriter(out).String(text);
      EXPECT_EQ(out, "\"" + text + "\"") << "at " << at;
    }
  }
}

// String arrays that fit the writer's stack buffer and need no escaping are written in one
// piece; the others element by element. Both must give the same JSON, after a key or not.
TEST(JsonWriter, StringArraysOfEverySizeAndContent) {
  for (std::size_t count : {0u, 1u, 2u, 12u, 100u}) {
    for (const std::string& element :
         {std::string("PCMU"), std::string("a\"b\\c\n"), std::string(300, 'x'), std::string("")}) {
      std::vector<std::string> values(count, element);
      if (count > 1)
        values[1] = "OPUS";  // a plain value among the others
      std::string out;
      JsonWriter w(out);
      w.BeginObject();
      w.Key("first");
      w.StringArray(values);
      w.Key("then");
      w.Bool(true);
      w.EndObject();
      auto parsed = Json::parse(out);
      EXPECT_EQ(parsed["first"], Json(values)) << out;
      EXPECT_EQ(parsed["then"], true) << out;
      std::string bare;
      JsonWriter(bare).StringArray(values);
      EXPECT_EQ(Json::parse(bare), Json(values)) << bare;
    }
  }
  std::string out;
  JsonWriter(out).StringArray({"G722", "PCMA"});
  EXPECT_EQ(out, R"(["G722","PCMA"])");
  // Across the stack buffer's size, with a key and a comma before: an undercounted size would
  // write past the buffer (AddressSanitizer, in make check) or cut the text.
  for (std::size_t length = 200; length < 280; ++length) {
    std::vector<std::string> values = {"PCMU", std::string(length, 'y')};
    std::string text;
    JsonWriter w(text);
    w.BeginObject();
    w.Key("before");
    w.Null();
    w.Key("a_longer_key_name");
    w.StringArray(values);
    w.EndObject();
    EXPECT_EQ(Json::parse(text)["a_longer_key_name"], Json(values)) << length;
  }
}

// Runs of null members go out in pieces of at most the stack buffer's size: any number of keys,
// keys longer than the buffer, after other members or first in their object.
TEST(JsonWriter, NullMembersOfEveryLength) {
  std::vector<std::size_t> key_lengths = {250, 251, 252, 253, 300};
  for (std::size_t length = 1; length <= 40; ++length) key_lengths.push_back(length);
  for (std::size_t count : {0u, 1u, 19u, 60u}) {
    for (std::size_t key_length : key_lengths) {
      std::vector<std::string> names;
      for (std::size_t i = 0; i < count; ++i)
        names.push_back(std::to_string(i) + std::string(key_length, 'k'));
      std::vector<std::string_view> keys(names.begin(), names.end());
      for (bool first : {true, false}) {
        std::string out;
        JsonWriter w(out);
        w.BeginObject();
        if (!first) {
          w.Key("before");
          w.Bool(false);
        }
        w.NullMembers(keys);
        w.Key("after");
        w.Bool(true);
        w.EndObject();
        auto parsed = Json::parse(out);
        ASSERT_EQ(parsed.size(), count + (first ? 1 : 2)) << out;
        for (const auto& name : names) EXPECT_TRUE(parsed.at(name).is_null()) << name;
        EXPECT_EQ(parsed["after"], true);
      }
    }
  }
}

// Companions are written in CompanionSpecs() order whichever of them are set (set ones between
// runs of nulls, at the start, in the middle and at the end).
TEST(JsonWriter, RelayEndpointsKeepTheCompanionsOrder) {
  const auto& specs = CompanionSpecs();
  for (std::size_t set : {std::size_t{0}, std::size_t{1}, std::size_t{7}, kCompanionCount - 1}) {
    SipEndpoint e;
    e.companions[set] = "value " + std::to_string(set);
    e.companions[(set + 5) % kCompanionCount] = "other";
    std::string text;
    JsonWriter w(text);
    WriteRelayEndpoint(w, e);
    std::size_t at = 0;
    for (std::size_t i = 0; i < kCompanionCount; ++i) {
      std::size_t found = text.find("\"" + std::string(specs[i].name) + "\":", at);
      ASSERT_NE(found, std::string::npos) << specs[i].name << " after " << at << " in " << text;
      at = found;
    }
    auto json = Json::parse(text);
    for (std::size_t i = 0; i < kCompanionCount; ++i) {
      Json expected = e.companions[i] ? Json(*e.companions[i]) : Json(nullptr);
      EXPECT_EQ(json[std::string(specs[i].name)], expected) << specs[i].name;
    }
  }
}

TEST(JsonWriter, RelayEndpointsRoundTripThroughAParser) {
  SipEndpoint e;
  e.id = "01a20556-4659-7000-a69f-2b76d4232056";
  e.username = "a\"b";
  e.caller_id = "Desk \\ 1\n";
  e.codecs = {"PCMU"};
  auto json = RelayEndpointJson(e);
  EXPECT_EQ(json["username"], "a\"b");
  EXPECT_EQ(json["caller_id"], "Desk \\ 1\n");
  EXPECT_TRUE(json["send_as"].is_null());
  EXPECT_EQ(json.size(), 31u);
}

}  // namespace
}  // namespace sb::api
