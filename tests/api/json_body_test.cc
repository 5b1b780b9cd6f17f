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

}  // namespace
}  // namespace sb::api
