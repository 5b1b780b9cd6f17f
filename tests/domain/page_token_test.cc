#include "domain/page_token.h"

#include <gtest/gtest.h>

namespace sb {
namespace {

constexpr const char* kId = "01a20556-4659-7000-a69f-2b76d4232056";

TEST(PageToken, RoundTripsBothDirections) {
  for (auto direction : {PageDirection::kAfter, PageDirection::kBefore}) {
    PageToken token{direction, kId};
    std::string text = EncodePageToken(token);
    EXPECT_EQ(text.substr(0, 2), direction == PageDirection::kAfter ? "PA" : "PB");
    EXPECT_EQ(text.size(), 24u);
    EXPECT_EQ(DecodePageToken(text), token);
  }
}

TEST(PageToken, RejectsAnythingItDidNotIssue) {
  std::string good = EncodePageToken({PageDirection::kAfter, kId});
  EXPECT_FALSE(DecodePageToken(""));
  EXPECT_FALSE(DecodePageToken("PA"));
  EXPECT_FALSE(DecodePageToken("PC" + good.substr(2)));
  EXPECT_FALSE(DecodePageToken(good.substr(0, good.size() - 1)));
  EXPECT_FALSE(DecodePageToken(good + "A"));
  EXPECT_FALSE(DecodePageToken(std::string("PA") + kId));  // a raw id is not a token
  EXPECT_FALSE(DecodePageToken("PA%%%%"));
}

}  // namespace
}  // namespace sb
