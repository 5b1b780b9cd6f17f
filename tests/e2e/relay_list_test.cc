// Relay lists: keyset paging, links and filters (CONTRACT 7).
#include <set>

#include <gtest/gtest.h>

#include "e2e/api_fixture.h"

namespace sb::testing {
namespace {

class RelayListTest : public ApiTest {
 protected:
  std::vector<std::string> Usernames(const Json& page) {
    std::vector<std::string> out;
    for (const auto& e : page["data"]) out.push_back(e["username"]);
    return out;
  }
  std::vector<std::string> List(const std::string& query) {
    auto r = client_->Get(std::string(kEndpoints) + "?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return Usernames(r.Json());
  }
};

TEST_F(RelayListTest, WalksOneHundredTwentyEndpointsForwardByNextAndBackByPrev) {
  std::vector<std::string> created;  // oldest first
  for (int i = 0; i < 120; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "user%03d", i);
    created.push_back(CreateEndpoint(name)["id"]);
  }
  std::vector<std::string> newest_first(created.rbegin(), created.rend());

  std::vector<std::vector<std::string>> pages;
  std::string url = std::string(kEndpoints) + "?page_size=7";
  Json page;
  while (true) {
    auto r = client_->Get(url);
    ASSERT_EQ(r.status, 200) << r.body;
    page = r.Json();
    std::vector<std::string> ids;
    for (const auto& e : page["data"]) ids.push_back(e["id"]);
    pages.push_back(ids);
    ASSERT_TRUE(page["links"]["self"].get<std::string>().rfind(server_->origin_url, 0) == 0);
    EXPECT_EQ(page["links"].contains("prev"), pages.size() > 1);
    if (!page["links"].contains("next"))
      break;
    url = page["links"]["next"];  // followed verbatim: an absolute URL
    ASSERT_LT(pages.size(), 30u);
  }
  ASSERT_EQ(pages.size(), 18u);  // 17 pages of 7 and one of 1
  std::vector<std::string> seen;
  for (const auto& p : pages) seen.insert(seen.end(), p.begin(), p.end());
  EXPECT_EQ(seen, newest_first);

  // Back from the last page by prev: the same pages, in reverse.
  for (int i = static_cast<int>(pages.size()) - 2; i >= 0; --i) {
    ASSERT_TRUE(page["links"].contains("prev")) << i;
    auto r = client_->Get(page["links"]["prev"].get<std::string>());
    ASSERT_EQ(r.status, 200) << r.body;
    page = r.Json();
    std::vector<std::string> ids;
    for (const auto& e : page["data"]) ids.push_back(e["id"]);
    EXPECT_EQ(ids, pages[i]) << "page " << i;
  }
  EXPECT_FALSE(page["links"].contains("prev"));
}

TEST_F(RelayListTest, LinksNameTheHostTheClientUsedAndCarryEveryFilter) {
  if (server_->proxied())
    GTEST_SKIP() << "the validating proxy replaces the Host header";
  CreateEndpoint("desk1");
  CreateEndpoint("desk2");
  auto r = client_->Send("GET", std::string(kEndpoints) + "?filter_username=desk&page_size=1", "",
                         {"Host: api.example.test:8443"});
  ASSERT_EQ(r.status, 200);
  auto links = r.Json()["links"];
  EXPECT_EQ(links["first"],
            "http://api.example.test:8443/api/relay/rest/endpoints/sip"
            "?filter_username=desk&page_size=1");
  EXPECT_EQ(links["self"],
            "http://api.example.test:8443/api/relay/rest/endpoints/sip"
            "?filter_username=desk&page_number=0&page_size=1");
  std::string next = links["next"];
  EXPECT_EQ(next.rfind("http://api.example.test:8443/api/relay/rest/endpoints/sip"
                       "?filter_username=desk&page_number=1&page_size=1&page_token=PA",
                       0),
            0u)
      << next;
  // The alias path links to itself.
  auto alias = client_->Get("/api/relay/rest/sip_endpoints?page_size=1").Json();
  EXPECT_NE(alias["links"]["next"].get<std::string>().find("/api/relay/rest/sip_endpoints?"),
            std::string::npos);
}

TEST_F(RelayListTest, FiltersAreCaseInsensitiveLiteralAndCombined) {
  CreateEndpoint("Front_Desk", {{"caller_id", "Reception 100%"}});
  CreateEndpoint("frontXdesk", {{"caller_id", "Reception 1000"}});
  CreateEndpoint("warehouse", {{"caller_id", "Stock"}});
  EXPECT_EQ(List("filter_username=FRONT"), (std::vector<std::string>{"frontXdesk", "Front_Desk"}));
  EXPECT_EQ(List("filter_username=t_d"), (std::vector<std::string>{"Front_Desk"}));
  EXPECT_EQ(List("filter_username=%25"), (std::vector<std::string>{}));
  EXPECT_EQ(List("filter_caller_id=100%25"), (std::vector<std::string>{"Front_Desk"}));
  EXPECT_EQ(List("filter_caller_id=reception&filter_username=xdesk"),
            (std::vector<std::string>{"frontXdesk"}));
  EXPECT_EQ(List("filter_username=&"),
            (std::vector<std::string>{"warehouse", "frontXdesk", "Front_Desk"}));
}

TEST_F(RelayListTest, BadPagingValuesAre422) {
  auto get = [&](const std::string& q) { return client_->Get(std::string(kEndpoints) + "?" + q); };
  EXPECT_TRUE(HasRelayError(get("page_size=0"), "invalid_parameter", "page_size"));
  EXPECT_TRUE(HasRelayError(get("page_size=1001"), "invalid_parameter", "page_size"));
  EXPECT_TRUE(HasRelayError(get("page_number=x"), "invalid_parameter", "page_number"));
  EXPECT_TRUE(HasRelayError(get("page_number=1"), "page_token_required", "page_token"));
  EXPECT_TRUE(
      HasRelayError(get("page_number=1&page_token=PAxyz"), "page_token_is_invalid", "page_token"));
  // Straight to the server: a proxy in front would re-encode the broken escape.
  HttpClient direct(server_->origin_url, server_->project_id, server_->token);
  auto bad_escape = direct.Get(std::string(kEndpoints) + "?filter_username=%zz");
  EXPECT_EQ(bad_escape.status, 400);
  EXPECT_EQ(bad_escape.Json()["errors"][0]["code"], "invalid_parameter");
}

TEST_F(RelayListTest, EmptyListHasSelfAndFirstOnly) {
  auto r = client_->Get(kEndpoints);
  ASSERT_EQ(r.status, 200);
  auto body = r.Json();
  EXPECT_EQ(body["data"], Json::array());
  EXPECT_TRUE(body["links"].contains("self"));
  EXPECT_TRUE(body["links"].contains("first"));
  EXPECT_FALSE(body["links"].contains("next"));
  EXPECT_FALSE(body["links"].contains("prev"));
}

}  // namespace
}  // namespace sb::testing
