#include "api/list_params.h"

#include <gtest/gtest.h>

namespace sb::api {
namespace {

constexpr const char* kId = "01a20556-4659-7000-a69f-2b76d4232056";

Result<ListParams> Parse(const std::string& query) { return ParseListParams(*ParseQuery(query)); }

std::string OnlyCode(const Result<ListParams>& r) {
  return r ? "ok" : r.error().fields.at(0).code + " " + r.error().fields.at(0).attribute;
}

TEST(ListParams, Defaults) {
  auto p = Parse("");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->page_size, 50u);
  EXPECT_EQ(p->page_number, 0u);
  EXPECT_FALSE(p->page_token);
}

TEST(ListParams, PageSizeFromOneToAThousand) {
  EXPECT_EQ(OnlyCode(Parse("page_size=0")), "invalid_parameter page_size");
  EXPECT_EQ(OnlyCode(Parse("page_size=1001")), "invalid_parameter page_size");
  EXPECT_EQ(OnlyCode(Parse("page_size=ten")), "invalid_parameter page_size");
  EXPECT_EQ(OnlyCode(Parse("page_size=-1")), "invalid_parameter page_size");
  EXPECT_EQ(OnlyCode(Parse("page_size=5x")), "invalid_parameter page_size");
  EXPECT_EQ(Parse("page_size=1000")->page_size, 1000u);
}

TEST(ListParams, PageNumberNeedsAValidToken) {
  EXPECT_EQ(OnlyCode(Parse("page_number=2")), "page_token_required page_token");
  EXPECT_EQ(OnlyCode(Parse("page_number=1&page_token=garbage")),
            "page_token_is_invalid page_token");
  std::string token = EncodePageToken({PageDirection::kAfter, kId});
  auto p = Parse("page_number=1&page_token=" + token);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->page_token->sort_key, kId);
}

TEST(ListParams, LinksCarryFiltersSizeAndTokens) {
  ListParams p{"desk & co", {}, 2, 1, PageToken{PageDirection::kAfter, kId}};
  auto links = BuildPageLinks("http://h/x", p, kId, kId, true, {{"type", "sip_endpoint"}});
  std::string pa = EncodePageToken({PageDirection::kAfter, kId});
  std::string pb = EncodePageToken({PageDirection::kBefore, kId});
  EXPECT_EQ(links.first,
            "http://h/x?filter_username=desk%20%26%20co&page_size=2&type=sip_endpoint");
  EXPECT_EQ(links.self,
            "http://h/x?filter_username=desk%20%26%20co&page_number=1&page_size=2&page_token=" +
                pa + "&type=sip_endpoint");
  EXPECT_EQ(*links.next,
            "http://h/x?filter_username=desk%20%26%20co&page_number=2&page_size=2&page_token=" +
                pa + "&type=sip_endpoint");
  EXPECT_EQ(*links.prev,
            "http://h/x?filter_username=desk%20%26%20co&page_number=0&page_size=2&page_token=" +
                pb + "&type=sip_endpoint");
}

TEST(ListParams, NoNextOnTheLastPageAndNoPrevOnTheFirst) {
  auto links = BuildPageLinks("http://h/x", ListParams{}, kId, kId, false);
  EXPECT_FALSE(links.next);
  EXPECT_FALSE(links.prev);
}

}  // namespace
}  // namespace sb::api
