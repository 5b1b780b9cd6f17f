#include "api/json_body.h"

#include <gtest/gtest.h>

namespace sb::api {
namespace {

TEST(JsonBody, AcceptsObjectsAndTreatsAnEmptyBodyAsOne) {
  EXPECT_TRUE(ParseJsonObject(R"({"a":1})"));
  EXPECT_EQ(*ParseJsonObject(""), Json::object());
  EXPECT_EQ(*ParseJsonObject(" \r\n"), Json::object());
}

TEST(JsonBody, RejectsEverythingElseAsInvalidJson) {
  for (const char* bad :
       {"{", "[]", "\"s\"", "12", "null", "{\"a\":1}x", "{'a':1}", "{\"a\":\"\xff\"}"}) {
    auto r = ParseJsonObject(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed);
    EXPECT_EQ(r.error().fields[0].code, "invalid_json");
  }
}

TEST(JsonBody, RefusesDeepNestingWithoutRecursing) {
  std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_FALSE(ParseJsonObject(deep));
  std::string fine = "{\"a\":" + std::string(20, '[') + std::string(20, ']') + "}";
  EXPECT_TRUE(ParseJsonObject(fine));
}

TEST(JsonBody, RefusesDuplicateKeysAtAnyDepth) {
  for (const char* bad :
       {R"({"a":1,"a":2})", R"({"x":{"p":"1","p":"2"}})", R"({"l":[{"k":1,"k":1}]})"}) {
    auto r = ParseJsonObject(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields[0].code, "invalid_json");
    EXPECT_NE(r.error().fields[0].message.find("appears twice"), std::string::npos);
  }
  EXPECT_TRUE(ParseJsonObject(R"({"a":{"k":1},"b":{"k":1},"k":[{"k":1},{"k":2}]})"));
}

TEST(JsonBody, RefusesNumbersOutOfRange) {
  EXPECT_FALSE(ParseJsonObject(R"({"a":1e999})"));
  EXPECT_FALSE(ParseJsonObject(R"({"a":-1e999})"));
  EXPECT_TRUE(ParseJsonObject(R"({"a":123456789012345678901234567890})"));
}

}  // namespace
}  // namespace sb::api
