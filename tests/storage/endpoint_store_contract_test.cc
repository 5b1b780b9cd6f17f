// The EndpointStore contract (storage/endpoint_store.h), run against every store.
#include <future>
#include <memory>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/endpoint_store.h"
#include "storage/store_fixture.h"

namespace sb::testing {
namespace {

using ::testing::ElementsAre;

constexpr const char* kProjectA = "01900000-0000-7000-8000-00000000000a";
constexpr const char* kProjectB = "01900000-0000-7000-8000-00000000000b";

// Ids whose order is their number, as UUIDv7 ids are.
std::string Id(int n, char kind = 'e') {
  char buf[40];
  std::snprintf(buf, sizeof buf, "01900000-0000-7000-8%03d-%c%011d", n % 1000,
                kind == 'r' ? 'f' : kind, n);
  return buf;
}

StoredEndpoint Endpoint(int n, const std::string& username,
                        const std::string& project = kProjectA) {
  StoredEndpoint s;
  s.endpoint.id = Id(n);
  s.endpoint.resource_id = Id(n, 'r');
  s.endpoint.address_id = Id(n, 'a');
  s.endpoint.project_id = project;
  s.endpoint.username = username;
  s.endpoint.created_at = s.endpoint.updated_at = 1000 + n;
  return s;
}

class EndpointStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped())
      return;
    MakeProject(kProjectA, "alpha");
    MakeProject(kProjectB, "beta");
  }
  EndpointStore& store() { return *stores_.endpoints; }

  // GetWithProfile, or (`async`) GetWithProfileAsync waited for: the two answer alike.
  Result<EndpointWithProfile> GetWithProfile(const std::string& project_id, const std::string& id,
                                             IdHint hint, bool async) {
    if (!async)
      return store().GetWithProfile(project_id, id, hint);
    return GetWithProfileAsync(project_id, id, hint).get();
  }
  std::future<Result<EndpointWithProfile>> GetWithProfileAsync(const std::string& project_id,
                                                               const std::string& id, IdHint hint) {
    auto answer = std::make_shared<std::promise<Result<EndpointWithProfile>>>();
    auto answered = answer->get_future();
    store().GetWithProfileAsync(project_id, id, hint, [answer](Result<EndpointWithProfile> read) {
      answer->set_value(std::move(read));
    });
    return answered;
  }

  std::vector<std::string> Usernames(const EndpointPage& page) {
    std::vector<std::string> out;
    for (const auto& r : page.rows) out.push_back(r.endpoint.username);
    return out;
  }
};

TEST_P(EndpointStoreTest, RoundTripsEveryField) {
  StoredEndpoint s = Endpoint(1, "alice");
  SipEndpoint& e = s.endpoint;
  e.display_name = "Alice";
  e.caller_id = "Front Desk ☎";
  e.send_as = "+15551234567";
  e.ciphers = {"AEAD_AES_256_GCM_8", "AES_CM_128_HMAC_SHA1_80"};
  e.codecs = {"OPUS", "PCMU"};
  e.encryption = "required";
  e.call_handler = CallHandler::kLamlWebhooks;
  e.companions[0] = "https://example.com/voice";
  e.companions[1] = "GET";
  s.credentials = {"ha1", "ha1sha", "ha1b", {0, 1, 2, 255}, "key"};
  ASSERT_TRUE(store().Insert(s));
  auto by_id = store().Get(kProjectA, e.id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->endpoint, e);
  EXPECT_EQ(by_id->credentials, s.credentials);
  auto by_resource = store().Get(kProjectA, e.resource_id);
  ASSERT_TRUE(by_resource);
  EXPECT_EQ(by_resource->endpoint, e);
}

// InsertAsync stores what Insert stores and answers as it does, from whichever thread; many at
// once (SQLite batches them into one commit) each get their own outcome.
TEST_P(EndpointStoreTest, InsertAsyncAnswersEachInsertWithItsOwnOutcome) {
  auto insert = [&](const StoredEndpoint& endpoint) {
    auto answer = std::make_shared<std::promise<Result<void>>>();
    auto answered = answer->get_future();
    store().InsertAsync(
        endpoint, [answer](Result<void> inserted) { answer->set_value(std::move(inserted)); });
    return answered;
  };
  std::vector<std::future<Result<void>>> answers;
  for (int i = 0; i < 20; ++i) {
    // Every fifth one takes the username of the one before it (usernames are unique ignoring case).
    std::string name = i % 5 == 4 ? "USER" + std::to_string(i - 1) : "user" + std::to_string(i);
    answers.push_back(insert(Endpoint(i + 1, name)));
  }
  for (int i = 0; i < 20; ++i) {
    auto inserted = answers[i].get();
    if (i % 5 == 4) {
      ASSERT_FALSE(inserted) << i;
      EXPECT_EQ(inserted.error().code, ErrorCode::kAlreadyExists) << i;
      EXPECT_EQ(store().Get(kProjectA, Id(i + 1)).error().code, ErrorCode::kNotFound) << i;
      // Nor its Fabric resource, written before the endpoint's row failed.
      EXPECT_FALSE(store().ResourceExists(kProjectA, Id(i + 1, 'r')).value_or(true)) << i;
    } else {
      ASSERT_TRUE(inserted) << i << ": " << inserted.error().internal;
      auto found = store().Get(kProjectA, Id(i + 1, 'r'));
      ASSERT_TRUE(found) << i;
      EXPECT_EQ(found->endpoint.username, "user" + std::to_string(i));
    }
  }
}

TEST_P(EndpointStoreTest, GetWithProfileReadsTheProjectsProfileAndNoCredentials) {
  StoredEndpoint s = Endpoint(1, "alice");
  s.endpoint.codecs = {"PCMU"};
  s.credentials = {"ha1", "ha1sha", "ha1b", {0, 1, 2, 255}, "key"};
  ASSERT_TRUE(store().Insert(s));
  auto changed = stores_.projects->UpdateProfile(
      kProjectA,
      [](const SipProfile& current) -> Result<SipProfile> {
        SipProfile p = current;
        p.default_codecs = {"OPUS", "G722"};
        p.default_send_as = "+15550001111";
        return p;
      },
      [](const StoredEndpoint&, const std::string&) -> Result<SipCredentials> {
        return Fail(Error::Internal("the domain did not change"));
      });
  ASSERT_TRUE(changed);
  // Either id finds it whichever the hint names: the hint only orders the lookups.
  for (bool async : {false, true}) {
    for (IdHint hint : {IdHint::kEndpointId, IdHint::kResourceId}) {
      for (const std::string& id : {s.endpoint.id, s.endpoint.resource_id}) {
        auto read = GetWithProfile(kProjectA, id, hint, async);
        ASSERT_TRUE(read) << id << (async ? " async" : "");
        EXPECT_EQ(read->stored.endpoint, s.endpoint);
        EXPECT_EQ(read->stored.credentials, SipCredentials{});
        EXPECT_EQ(read->profile, *changed);
      }
      for (auto [project, id] : {std::pair<std::string, std::string>{kProjectB, s.endpoint.id},
                                 {kProjectA, Id(2)},
                                 {kProjectA, "not-a-uuid"},
                                 {"not-a-uuid", s.endpoint.id}}) {
        auto missing = GetWithProfile(project, id, hint, async);
        ASSERT_FALSE(missing) << project << " " << id << (async ? " async" : "");
        EXPECT_EQ(missing.error().code, ErrorCode::kNotFound) << missing.error().internal;
      }
    }
  }
}

// Concurrent lookups may be answered together (GetWithProfileAsync on PostgreSQL sends many in
// one batch, and a failed one makes the others of its batch run again): each still gets its own
// endpoint, or not found, whatever else ran with it.
TEST_P(EndpointStoreTest, ConcurrentLookupsEachFindTheirOwnEndpoint) {
  constexpr int kEndpoints = 20;
  for (int n = 0; n < kEndpoints; ++n) {
    ASSERT_TRUE(store().Insert(
        Endpoint(n, "user-" + std::to_string(n), n % 2 == 0 ? kProjectA : kProjectB)));
  }
  struct Lookup {
    std::string project, id;
    IdHint hint;
    std::string username;  // "" when nothing is to be found
  };
  auto lookup = [&](int t, int i) {
    int k = (t * 31 + i * 7) % (kEndpoints + 4);
    IdHint hint = (t + i) % 2 == 0 ? IdHint::kEndpointId : IdHint::kResourceId;
    if (k < kEndpoints) {
      return Lookup{k % 2 == 0 ? kProjectA : kProjectB, i % 3 == 0 ? Id(k, 'r') : Id(k), hint,
                    "user-" + std::to_string(k)};
    }
    // Another project's endpoint, an id that names nothing, and no UUID at all.
    std::string id = k == kEndpoints       ? Id(1)
                     : k == kEndpoints + 1 ? Id(2)
                     : k == kEndpoints + 2 ? Id(kEndpoints + 5)
                                           : "not-a-uuid";
    return Lookup{k == kEndpoints ? kProjectA : kProjectB, id, hint, ""};
  };
  auto check = [](const Lookup& l, const Result<EndpointWithProfile>& read) {
    if (l.username.empty()) {
      ASSERT_FALSE(read) << l.id;
      EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
      return;
    }
    ASSERT_TRUE(read) << l.id << ": " << read.error().internal;
    EXPECT_EQ(read->stored.endpoint.username, l.username);
    EXPECT_EQ(read->stored.endpoint.project_id, l.project);
  };
  constexpr int kThreads = 16, kEach = 150;
  for (bool async : {false, true}) {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        if (!async) {
          for (int i = 0; i < kEach; ++i) {
            Lookup l = lookup(t, i);
            check(l, store().GetWithProfile(l.project, l.id, l.hint));
          }
          return;
        }
        // Every lookup of the thread in flight at once, so that they share batches.
        std::vector<std::future<Result<EndpointWithProfile>>> answers;
        for (int i = 0; i < kEach; ++i) {
          Lookup l = lookup(t, i);
          answers.push_back(GetWithProfileAsync(l.project, l.id, l.hint));
        }
        for (int i = 0; i < kEach; ++i) check(lookup(t, i), answers[i].get());
      });
    }
    for (auto& t : threads) t.join();
  }
}

// A page comes with its project's SIP profile, read with the rows (the service resolves the
// inherited settings from it), even when the page is empty; an unknown project is not found.
TEST_P(EndpointStoreTest, ListsCarryTheProjectsProfile) {
  auto changed = stores_.projects->UpdateProfile(
      kProjectB,
      [](const SipProfile& current) -> Result<SipProfile> {
        SipProfile p = current;
        p.default_ciphers = {"AEAD_AES_256_GCM_8"};
        p.default_send_as = "+15550002222";
        return p;
      },
      [](const StoredEndpoint&, const std::string&) -> Result<SipCredentials> {
        return Fail(Error::Internal("the domain did not change"));
      });
  ASSERT_TRUE(changed);
  ASSERT_TRUE(store().Insert(Endpoint(1, "alice", kProjectB)));
  auto page = store().List({.project_id = kProjectB});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->rows.size(), 1u);
  EXPECT_EQ(page->profile, *changed);
  auto empty = store().List({.project_id = kProjectA, .username_contains = "nobody"});
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->rows.empty());
  auto project_a = stores_.projects->GetProject(kProjectA);
  ASSERT_TRUE(project_a);
  EXPECT_EQ(empty->profile, project_a->profile);
  auto unknown = store().List({.project_id = "01900000-0000-7000-8000-0000000000ff"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_P(EndpointStoreTest, ListsCarryCredentialsOnlyWhenAskedFor) {
  StoredEndpoint s = Endpoint(1, "alice");
  s.credentials = {"ha1", "ha1sha", "ha1b", {0, 1, 2, 255}, "key"};
  ASSERT_TRUE(store().Insert(s));
  auto shown = store().List({.project_id = kProjectA});
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->rows.size(), 1u);
  EXPECT_EQ(shown->rows[0].endpoint, s.endpoint);
  EXPECT_EQ(shown->rows[0].credentials, SipCredentials{});
  auto copied = store().List({.project_id = kProjectA, .with_credentials = true});
  ASSERT_TRUE(copied);
  ASSERT_EQ(copied->rows.size(), 1u);
  EXPECT_EQ(copied->rows[0].credentials, s.credentials);
}

// A store may read every row of a page into one object: each visited row must still show only
// its own values (a field set on one row and NULL on the next is unset again), with the profile.
TEST_P(EndpointStoreTest, VisitedRowsShowOnlyTheirOwnValues) {
  std::vector<StoredEndpoint> inserted;
  for (int n = 1; n <= 4; ++n) {
    StoredEndpoint s = Endpoint(n, "user" + std::to_string(n));
    if (n % 2 == 0) {
      SipEndpoint& e = s.endpoint;
      e.display_name = "Desk with a name longer than the short-string buffer " + std::to_string(n);
      e.caller_id = "Caller " + std::to_string(n);
      e.send_as = "+1555000000" + std::to_string(n);
      e.ciphers = {"AEAD_AES_256_GCM_8"};
      e.codecs = {"OPUS", "PCMU"};
      e.encryption = "required";
      e.call_handler = CallHandler::kLamlWebhooks;
      e.companions[0] = "https://example.com/voice/" + std::to_string(n);
      s.credentials = {"ha1-" + std::to_string(n), "sha", "ha1b", {1, 2, 3}, "key"};
    }
    ASSERT_TRUE(store().Insert(s));
    inserted.push_back(s);
  }
  auto project = stores_.projects->GetProject(kProjectA);
  ASSERT_TRUE(project);
  auto visit_all = [&](const EndpointListQuery& query) {
    std::vector<StoredEndpoint> seen;
    auto info = store().VisitList(query, [&](const StoredEndpoint& row, const SipProfile& profile) {
      EXPECT_EQ(profile, project->profile);
      seen.push_back(row);
    });
    EXPECT_TRUE(info);
    return seen;
  };
  // Newest first: 4, 3, 2, 1; forward pages and a backward one.
  auto all = visit_all({.project_id = kProjectA, .with_credentials = true});
  ASSERT_EQ(all.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(all[i].endpoint, inserted[3 - i].endpoint) << "row " << i;
    EXPECT_EQ(all[i].credentials, inserted[3 - i].credentials) << "row " << i;
  }
  auto back = visit_all({kProjectA, {}, {}, PageToken{PageDirection::kBefore, Id(1)}, 2, true});
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].endpoint, inserted[2].endpoint);
  EXPECT_EQ(back[1].endpoint, inserted[1].endpoint);
  int visits = 0;
  auto unknown = store().VisitList({.project_id = "01900000-0000-7000-8000-0000000000ff"},
                                   [&](const StoredEndpoint&, const SipProfile&) { ++visits; });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(visits, 0);
}

TEST_P(EndpointStoreTest, AnotherProjectsRecordIsNotFound) {
  ASSERT_TRUE(store().Insert(Endpoint(1, "alice")));
  EXPECT_EQ(store().Get(kProjectB, Id(1)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().Delete(kProjectB, Id(1)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(
      store()
          .Update(kProjectB, Id(1), [](StoredEndpoint e) -> Result<StoredEndpoint> { return e; })
          .error()
          .code,
      ErrorCode::kNotFound);
  EXPECT_TRUE(store().Get(kProjectA, Id(1)));
}

TEST_P(EndpointStoreTest, UsernamesAreUniquePerProjectIgnoringCase) {
  ASSERT_TRUE(store().Insert(Endpoint(1, "Alice")));
  EXPECT_EQ(store().Insert(Endpoint(2, "aLICE")).error().code, ErrorCode::kAlreadyExists);
  EXPECT_TRUE(store().Insert(Endpoint(3, "alice", kProjectB)));
}

TEST_P(EndpointStoreTest, UpdateWritesWhatTheMutationReturnsOrNothing) {
  ASSERT_TRUE(store().Insert(Endpoint(1, "alice")));
  ASSERT_TRUE(store().Insert(Endpoint(2, "bob")));
  auto renamed = store().Update(kProjectA, Id(1), [](StoredEndpoint e) -> Result<StoredEndpoint> {
    e.endpoint.username = "carol";
    return e;
  });
  ASSERT_TRUE(renamed);
  EXPECT_EQ(store().Get(kProjectA, Id(1))->endpoint.username, "carol");

  auto refused = store().Update(kProjectA, Id(1), [](StoredEndpoint e) -> Result<StoredEndpoint> {
    e.endpoint.username = "dave";
    return Fail(Error::Invalid("x", "y", "z"));
  });
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store().Get(kProjectA, Id(1))->endpoint.username, "carol");

  auto taken = store().Update(kProjectA, Id(1), [](StoredEndpoint e) -> Result<StoredEndpoint> {
    e.endpoint.username = "BOB";
    return e;
  });
  EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(EndpointStoreTest, ConcurrentUpdatesLoseNothing) {
  StoredEndpoint s = Endpoint(1, "counter");
  s.endpoint.caller_id = "0";
  ASSERT_TRUE(store().Insert(s));
  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        auto r = store().Update(kProjectA, Id(1), [](StoredEndpoint e) -> Result<StoredEndpoint> {
          e.endpoint.caller_id = std::to_string(std::stoi(*e.endpoint.caller_id) + 1);
          return e;
        });
        EXPECT_TRUE(r) << (r ? "" : r.error().internal);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(store().Get(kProjectA, Id(1))->endpoint.caller_id, std::to_string(kThreads * kEach));
}

// Concurrent writes may be committed together (SQLite's group commit): each still gets its own
// outcome, and a failed one undoes only itself.
TEST_P(EndpointStoreTest, ConcurrentWritesEachGetTheirOwnOutcome) {
  ASSERT_TRUE(store().Insert(Endpoint(1, "keeper")));
  constexpr int kThreads = 48;
  std::vector<Result<void>> inserted(kThreads);
  std::vector<Result<StoredEndpoint>> refused(kThreads, Fail(Error::Internal("not run")));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // A third of the inserts take a username that one of them will win.
      std::string name = t % 3 == 0 ? "contested" : "unique-" + std::to_string(t);
      inserted[t] = store().Insert(Endpoint(100 + t, name));
      refused[t] =
          store().Update(kProjectA, Id(1), [t](StoredEndpoint e) -> Result<StoredEndpoint> {
            e.endpoint.caller_id = "changed by " + std::to_string(t);
            return Fail(Error::Invalid("refused", "caller_id", "refused on purpose"));
          });
    });
  }
  for (auto& t : threads) t.join();
  int contested_wins = 0;
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(refused[t].error().code, ErrorCode::kInvalidArgument);
    if (t % 3 == 0) {
      contested_wins += inserted[t] ? 1 : 0;
      if (!inserted[t]) {
        EXPECT_EQ(inserted[t].error().code, ErrorCode::kAlreadyExists);
      }
    } else {
      ASSERT_TRUE(inserted[t]) << t << ": " << inserted[t].error().internal;
      auto stored = store().Get(kProjectA, Id(100 + t));
      ASSERT_TRUE(stored) << t;
      EXPECT_EQ(stored->endpoint.username, "unique-" + std::to_string(t));
    }
  }
  EXPECT_EQ(contested_wins, 1);
  EXPECT_FALSE(store().Get(kProjectA, Id(1))->endpoint.caller_id.has_value());
}

TEST_P(EndpointStoreTest, DeleteByEitherIdThenNotFound) {
  ASSERT_TRUE(store().Insert(Endpoint(1, "alice")));
  ASSERT_TRUE(store().Insert(Endpoint(2, "bob")));
  EXPECT_TRUE(store().Delete(kProjectA, Id(1)));
  EXPECT_TRUE(store().Delete(kProjectA, Id(2, 'r')));
  EXPECT_EQ(store().Delete(kProjectA, Id(1)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store().Get(kProjectA, Id(2)).error().code, ErrorCode::kNotFound);
}

TEST_P(EndpointStoreTest, ListsNewestFirstByKeysetInBothDirections) {
  for (int i = 1; i <= 7; ++i) ASSERT_TRUE(store().Insert(Endpoint(i, "u" + std::to_string(i))));
  ASSERT_TRUE(store().Insert(Endpoint(8, "other-project", kProjectB)));

  auto first = store().List({kProjectA, {}, {}, {}, 3});
  ASSERT_TRUE(first);
  EXPECT_THAT(Usernames(*first), ElementsAre("u7", "u6", "u5"));
  EXPECT_TRUE(first->has_older);

  auto second = store().List({kProjectA, {}, {}, PageToken{PageDirection::kAfter, Id(5)}, 3});
  EXPECT_THAT(Usernames(*second), ElementsAre("u4", "u3", "u2"));
  EXPECT_TRUE(second->has_older);

  auto last = store().List({kProjectA, {}, {}, PageToken{PageDirection::kAfter, Id(2)}, 3});
  EXPECT_THAT(Usernames(*last), ElementsAre("u1"));
  EXPECT_FALSE(last->has_older);

  auto back = store().List({kProjectA, {}, {}, PageToken{PageDirection::kBefore, Id(4)}, 3});
  EXPECT_THAT(Usernames(*back), ElementsAre("u7", "u6", "u5"));
  EXPECT_TRUE(back->has_older);
}

TEST_P(EndpointStoreTest, CursorsSurviveTheDeletionOfTheirRow) {
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE(store().Insert(Endpoint(i, "u" + std::to_string(i))));
  ASSERT_TRUE(store().Delete(kProjectA, Id(3)));
  auto page = store().List({kProjectA, {}, {}, PageToken{PageDirection::kAfter, Id(3)}, 10});
  EXPECT_THAT(Usernames(*page), ElementsAre("u2", "u1"));
}

TEST_P(EndpointStoreTest, FiltersAreCaseInsensitiveLiteralSubstrings) {
  StoredEndpoint a = Endpoint(1, "Front_Desk");
  a.endpoint.caller_id = "Reception 100%";
  StoredEndpoint b = Endpoint(2, "frontXdesk");
  b.endpoint.caller_id = "Reception 1000";
  StoredEndpoint c = Endpoint(3, "warehouse");
  ASSERT_TRUE(store().Insert(a));
  ASSERT_TRUE(store().Insert(b));
  ASSERT_TRUE(store().Insert(c));
  auto query = [&](std::optional<std::string> user, std::optional<std::string> caller) {
    return Usernames(*store().List({kProjectA, user, caller, {}, 50}));
  };
  EXPECT_THAT(query("FRONT", {}), ElementsAre("frontXdesk", "Front_Desk"));
  EXPECT_THAT(query("t_d", {}), ElementsAre("Front_Desk"));   // '_' is not a wildcard
  EXPECT_THAT(query({}, "100%"), ElementsAre("Front_Desk"));  // '%' is not a wildcard
  EXPECT_THAT(query("desk", "reception 1000"), ElementsAre("frontXdesk"));
  EXPECT_THAT(query("desk", "nobody"), ElementsAre());
  // Short needles (no trigram on PostgreSQL) must keep the escaping too.
  EXPECT_THAT(query("_D", {}), ElementsAre("Front_Desk"));
  EXPECT_THAT(query("%", {}), ElementsAre());
  EXPECT_THAT(query({}, "%"), ElementsAre("Front_Desk"));
}

// The filters follow every write: renames, caller id changes and deletions, long needles (past
// the 32 characters an index key keeps), non-ASCII text, other projects' rows.
TEST_P(EndpointStoreTest, FiltersFollowWritesAndLongOrForeignNeedles) {
  std::string long_name = "extension-" + std::string(40, 'x') + "-end";
  StoredEndpoint a = Endpoint(1, long_name);
  a.endpoint.caller_id = "Caf\u00e9 M\u00fcnchen";
  ASSERT_TRUE(store().Insert(a));
  ASSERT_TRUE(store().Insert(Endpoint(2, "gate-7")));
  ASSERT_TRUE(store().Insert(Endpoint(3, "gate-7", kProjectB)));
  auto query = [&](std::optional<std::string> user, std::optional<std::string> caller) {
    return Usernames(*store().List({kProjectA, user, caller, {}, 50}));
  };
  EXPECT_THAT(query(std::string(38, 'x') + "-END", {}), ElementsAre(long_name));
  EXPECT_THAT(query(std::string(45, 'x'), {}), ElementsAre());
  EXPECT_THAT(query({}, "\u00e9 M\u00fc"), ElementsAre(long_name));
  EXPECT_THAT(query("gate", {}), ElementsAre("gate-7"));  // not project B's

  ASSERT_TRUE(store().Update(kProjectA, Id(2), [](StoredEndpoint e) -> Result<StoredEndpoint> {
    e.endpoint.username = "door-9";
    e.endpoint.caller_id = "Lobby";
    return e;
  }));
  EXPECT_THAT(query("gate", {}), ElementsAre());
  EXPECT_THAT(query("OOR-", "lobb"), ElementsAre("door-9"));
  ASSERT_TRUE(store().Update(kProjectA, Id(2), [](StoredEndpoint e) -> Result<StoredEndpoint> {
    e.endpoint.caller_id.reset();
    return e;
  }));
  EXPECT_THAT(query({}, "lobby"), ElementsAre());
  ASSERT_TRUE(store().Delete(kProjectA, Id(1)));
  EXPECT_THAT(query("extension", {}), ElementsAre());
  EXPECT_THAT(query({}, "caf"), ElementsAre());
}

// A needle found more than once in a value ("na" in "banana") matches several index keys of
// that row: the row is still listed once, on both sides of every page boundary.
TEST_P(EndpointStoreTest, ARowMatchingTwiceIsListedOnce) {
  for (int i = 1; i <= 5; ++i)
    ASSERT_TRUE(store().Insert(Endpoint(i, "banana-" + std::to_string(i))));
  ASSERT_TRUE(store().Insert(Endpoint(6, "apple")));
  auto page = [&](std::optional<PageToken> cursor, std::size_t limit) {
    return *store().List({kProjectA, std::string("NA"), {}, cursor, limit});
  };
  EXPECT_THAT(Usernames(page({}, 50)),
              ElementsAre("banana-5", "banana-4", "banana-3", "banana-2", "banana-1"));
  auto first = page({}, 2);
  EXPECT_THAT(Usernames(first), ElementsAre("banana-5", "banana-4"));
  EXPECT_TRUE(first.has_older);
  auto second = page(PageToken{PageDirection::kAfter, Id(4)}, 2);
  EXPECT_THAT(Usernames(second), ElementsAre("banana-3", "banana-2"));
  EXPECT_TRUE(second.has_older);
  auto last = page(PageToken{PageDirection::kAfter, Id(2)}, 2);
  EXPECT_THAT(Usernames(last), ElementsAre("banana-1"));
  EXPECT_FALSE(last.has_older);
  auto back = page(PageToken{PageDirection::kBefore, Id(2)}, 2);
  EXPECT_THAT(Usernames(back), ElementsAre("banana-4", "banana-3"));
  EXPECT_TRUE(back.has_older);
  // Through the caller id's index as well, with the username filter tested row by row.
  ASSERT_TRUE(store().Update(kProjectA, Id(3), [](StoredEndpoint e) -> Result<StoredEndpoint> {
    e.endpoint.caller_id = "Nana's Nanny";
    return e;
  }));
  EXPECT_THAT(Usernames(*store().List({kProjectA, {}, std::string("nan"), {}, 50})),
              ElementsAre("banana-3"));
  EXPECT_THAT(
      Usernames(*store().List({kProjectA, std::string("ana-"), std::string("nan"), {}, 50})),
      ElementsAre("banana-3"));
}

TEST_P(EndpointStoreTest, KnowsWhichResourcesExist) {
  ASSERT_TRUE(store().Insert(Endpoint(1, "alice")));
  EXPECT_TRUE(*store().ResourceExists(kProjectA, Id(1, 'r')));
  EXPECT_FALSE(*store().ResourceExists(kProjectB, Id(1, 'r')));
  EXPECT_FALSE(*store().ResourceExists(kProjectA, Id(9, 'r')));
}

INSTANTIATE_TEST_SUITE_P(Stores, EndpointStoreTest, ::testing::Values("sqlite", "postgres"),
                         StoreName);

}  // namespace
}  // namespace sb::testing
