#include "domain/ids.h"

#include <set>

#include <gtest/gtest.h>

#include "support/fakes.h"

namespace sb {
namespace {

TEST(IdGenerator, MakesVersion7Uuids) {
  testing::FakeClock clock(1'700'000'000'000'000);
  testing::CountingRandom random;
  IdGenerator ids(clock, random);
  std::string id = ids.NewId();
  EXPECT_TRUE(IsUuid(id));
  EXPECT_EQ(id[14], '7');
  EXPECT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
  // The first 48 bits are the Unix time in milliseconds.
  EXPECT_EQ(id.substr(0, 8) + id.substr(9, 4), "018bcfe56800");
}

TEST(IdGenerator, IdsSortByCreationEvenWithinOneMillisecondOrWhenTheClockStepsBack) {
  testing::FakeClock clock(1'700'000'000'000'000);
  testing::CountingRandom random;
  IdGenerator ids(clock, random);
  std::vector<std::string> made;
  for (int i = 0; i < 5000; ++i) {
    if (i == 2500)
      clock.Set(1'600'000'000'000'000);  // a step back
    if (i % 100 == 0)
      clock.Advance(1000);
    made.push_back(ids.NewId());
  }
  for (std::size_t i = 1; i < made.size(); ++i) ASSERT_LT(made[i - 1], made[i]) << i;
}

// UuidV7PositionOf reads back what NewId wrote: the clock's milliseconds and the counter.
TEST(IdGenerator, APositionIsTheMillisecondAndTheCounterOfTheId) {
  testing::FakeClock clock(1'700'000'000'000'000);
  testing::CountingRandom random;
  IdGenerator ids(clock, random);
  for (int ms = 0; ms < 3; ++ms) {
    for (int n = 0; n < 5; ++n) {
      auto position = UuidV7PositionOf(ids.NewId());
      ASSERT_TRUE(position);
      EXPECT_EQ(position->millis, 1'700'000'000'000 + ms);
      EXPECT_EQ(position->counter, n);
    }
    clock.Advance(1000);
  }
  EXPECT_EQ(UuidV7PositionOf("018bcfe5-6800-7fff-8000-000000000000")->counter, 0xfff);
  for (const char* id : {"018bcfe5-6800-4000-8000-000000000000",  // UUIDv4
                         "018BCFE5-6800-7000-8000-000000000000",  // not lower-case
                         "018bcfe5-6800-700g-8000-000000000000",  // not hexadecimal
                         "018bcfe5-6800-7000-8000-00000000000",   // short
                         "018bcfe5-6800-7000-8000x000000000000"}) {
    EXPECT_EQ(UuidV7PositionOf(id), std::nullopt) << id;
  }
}

TEST(Uuid, RecognisesTheCanonicalFormOnly) {
  EXPECT_TRUE(IsUuid("01a20556-4659-7000-a69f-2b76d4232056"));
  EXPECT_TRUE(IsUuid("01A20556-4659-7000-A69F-2B76D4232056"));
  EXPECT_FALSE(IsUuid("01a205564659-7000-a69f-2b76d4232056-"));
  EXPECT_FALSE(IsUuid("01a20556-4659-7000-a69f-2b76d423205"));
  EXPECT_FALSE(IsUuid("01a20556-4659-7000-a69f-2b76d423205g"));
  EXPECT_EQ(CanonicalUuid("01A20556-4659-7000-A69F-2B76D4232056"),
            "01a20556-4659-7000-a69f-2b76d4232056");
}

// Every byte value at every place of a valid id, against the rule written out plainly.
TEST(Uuid, ChecksEveryPlace) {
  const std::string valid = "01a20556-4659-7000-a69f-2b76d4232056";
  for (std::size_t place = 0; place < valid.size(); ++place) {
    bool dash_place = place == 8 || place == 13 || place == 18 || place == 23;
    for (int byte = 0; byte < 256; ++byte) {
      std::string text = valid;
      text[place] = static_cast<char>(byte);
      bool hex = (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'f') ||
                 (byte >= 'A' && byte <= 'F');
      EXPECT_EQ(IsUuid(text), dash_place ? byte == '-' : hex) << place << " " << byte;
    }
  }
}

}  // namespace
}  // namespace sb
