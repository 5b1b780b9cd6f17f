#include "api/query_string.h"

#include <gtest/gtest.h>

namespace sb::api {
namespace {

TEST(QueryString, DecodesPercentAndPlusAndSkipsEmptyPieces) {
  auto q = ParseQuery("a=1&b=x%20y+z&&c&");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->size(), 3u);
  EXPECT_EQ(QueryValue(*q, "b"), "x y z");
  EXPECT_EQ(QueryValue(*q, "c"), "");
  EXPECT_FALSE(QueryValue(*q, "d"));
}

TEST(QueryString, RejectsBadEscapesAndInvalidUtf8) {
  for (const char* bad : {"a=%", "a=%2", "a=%zz", "a=%ff", "a=%c3%28", "%ed%a0%80=1"}) {
    auto q = ParseQuery(bad);
    ASSERT_FALSE(q) << bad;
    EXPECT_EQ(q.error().code, ErrorCode::kMalformed);
  }
  EXPECT_TRUE(ParseQuery("a=%C3%A9"));
}

TEST(QueryString, EncodesAllButUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("a-b_c.d~e f&g=é"), "a-b_c.d~e%20f%26g%3D%C3%A9");
}

}  // namespace
}  // namespace sb::api
