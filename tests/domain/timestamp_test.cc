#include "domain/timestamp.h"

#include <gtest/gtest.h>

namespace sb {
namespace {

TEST(Timestamp, FormatsUtcWithMicrosecondsAndZ) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatTimestamp(1'772'463'845'123'456), "2026-03-02T15:04:05.123456Z");
}

}  // namespace
}  // namespace sb
