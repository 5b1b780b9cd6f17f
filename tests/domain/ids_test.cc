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
