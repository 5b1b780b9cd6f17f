#include "domain/timestamp.h"

#include <gtest/gtest.h>

namespace sb {
namespace {

TEST(Timestamp, FormatsUtcWithMicrosecondsAndZ) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatTimestamp(1'772'463'845'123'456), "2026-03-02T15:04:05.123456Z");
  EXPECT_EQ(FormatTimestamp(951'782'399'000'001), "2000-02-28T23:59:59.000001Z");
  EXPECT_EQ(FormatTimestamp(951'868'800'000'000), "2000-03-01T00:00:00.000000Z");
  EXPECT_EQ(FormatTimestamp(253'402'300'799'999'999), "9999-12-31T23:59:59.999999Z");
  EXPECT_EQ(FormatTimestamp(-1), "1969-12-31T23:59:59.999999Z");
}

TEST(Timestamp, FormatsYearsPastFourDigitsWithoutTruncating) {
  EXPECT_EQ(FormatTimestamp(253'402'300'800'000'000), "10000-01-01T00:00:00.000000Z");
}

}  // namespace
}  // namespace sb
