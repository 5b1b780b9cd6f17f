#include "http/address_text.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>

namespace sb::http {
namespace {

TEST(Ipv4TextTest, WritesDottedDecimal) {
  EXPECT_EQ(Ipv4Text({127, 0, 0, 1}), "127.0.0.1");
  EXPECT_EQ(Ipv4Text({0, 0, 0, 0}), "0.0.0.0");
  EXPECT_EQ(Ipv4Text({255, 255, 255, 255}), "255.255.255.255");
  EXPECT_EQ(Ipv4Text({10, 20, 100, 9}), "10.20.100.9");
}

// Every byte value in every position, against the C library's own formatting.
TEST(Ipv4TextTest, AgreesWithInetNtop) {
  for (int value = 0; value < 256; ++value) {
    for (int position = 0; position < 4; ++position) {
      std::array<unsigned char, 4> bytes{192, 168, 7, 42};
      bytes[position] = static_cast<unsigned char>(value);
      char expected[INET_ADDRSTRLEN];
      ASSERT_NE(inet_ntop(AF_INET, bytes.data(), expected, sizeof expected), nullptr);
      EXPECT_EQ(Ipv4Text(bytes), expected) << value << " at " << position;
    }
  }
}

}  // namespace
}  // namespace sb::http
