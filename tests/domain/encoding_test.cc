#include "domain/encoding.h"

#include <gtest/gtest.h>

namespace sb {
namespace {

TEST(Encoding, HexRoundTrips) {
  std::vector<std::uint8_t> bytes = {0x00, 0x7f, 0xff, 0x10};
  EXPECT_EQ(HexEncode(bytes), "007fff10");
  EXPECT_EQ(HexDecode("007FFF10"), bytes);
  EXPECT_FALSE(HexDecode("0"));
  EXPECT_FALSE(HexDecode("zz"));
}

TEST(Encoding, Base64UrlMatchesRfc4648Vectors) {
  EXPECT_EQ(Base64UrlEncode(AsBytes("foobar")), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode(AsBytes("fo")), "Zm8");
  EXPECT_EQ(Base64UrlEncode(std::vector<std::uint8_t>{0xfb, 0xff}), "-_8");
  auto decoded = Base64UrlDecode("Zm9vYg");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(std::string(decoded->begin(), decoded->end()), "foob");
}

TEST(Encoding, Base64UrlRejectsStrayCharactersAndNonCanonicalTails) {
  EXPECT_FALSE(Base64UrlDecode("Zm9v+mFy"));
  EXPECT_FALSE(Base64UrlDecode("Zm9="));
  EXPECT_FALSE(
      Base64UrlDecode("Zm9"
                      "x"
                      "Y"));             // length 5: 1 mod 4
  EXPECT_FALSE(Base64UrlDecode("Zn"));   // low bits set in the last of two characters
  EXPECT_FALSE(Base64UrlDecode("Zm9"));  // ... and of three ("Zm8" is "fo")
  EXPECT_FALSE(Base64UrlDecode("Zm9vYmF!"));
  EXPECT_FALSE(Base64UrlDecode(std::string("Zm9v\0mFy", 8)));
}

// Every length from 0 to 3 blocks and a tail, every byte value: what is encoded decodes back.
TEST(Encoding, Base64UrlRoundTrips) {
  for (std::size_t length = 0; length <= 14; ++length) {
    for (int seed = 0; seed < 256; ++seed) {
      std::vector<std::uint8_t> bytes(length);
      for (std::size_t i = 0; i < length; ++i)
        bytes[i] = static_cast<std::uint8_t>(seed * 31 + i * 97);
      auto decoded = Base64UrlDecode(Base64UrlEncode(bytes));
      ASSERT_TRUE(decoded) << length << " " << seed;
      EXPECT_EQ(*decoded, bytes) << length << " " << seed;
    }
  }
}

TEST(Encoding, Base64StandardDecodesBasicCredentials) {
  EXPECT_EQ(Base64Decode("dXNlcjpwYXNz"), "user:pass");
  EXPECT_EQ(Base64Decode("YQ=="), "a");
  EXPECT_FALSE(Base64Decode("YQ="));
  EXPECT_FALSE(Base64Decode("Y!=="));
}

}  // namespace
}  // namespace sb
