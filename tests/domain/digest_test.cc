#include "domain/digest.h"

#include <gtest/gtest.h>

namespace sb {
namespace {

TEST(Digest, Md5MatchesKnownVectors) {
  EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5Hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
}

TEST(Digest, Sha256MatchesKnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// RFC 2617 section 3.5: HA1 for Mufasa in testrealm@host.com.
TEST(Digest, Ha1MatchesRfc2617Example) {
  auto c = DeriveDigests("Mufasa", "testrealm@host.com", "Circle Of Life");
  EXPECT_EQ(c.ha1, "939e7578ed9e3c518a452acee763bce9");
}

// Values computed independently with coreutils:
//   printf 'alice:acme.sip.example.com:s3cret-pass' | md5sum (and sha256sum)
//   printf 'alice@acme.sip.example.com:acme.sip.example.com:s3cret-pass' | md5sum
TEST(Digest, DerivesAllThreeRegistrarDigests) {
  auto c = DeriveDigests("alice", "acme.sip.example.com", "s3cret-pass");
  EXPECT_EQ(c.ha1, "8a5f30e2df1b2a39c9b0e19a91c5d24f");
  EXPECT_EQ(c.ha1_sha256, "53d6807991b78141e3f89ae30b1014223f11b5e6659e0ce2493afe155050cd1c");
  EXPECT_EQ(c.ha1b, "6842d012b8ef804edc1332a7031e6d1d");
  EXPECT_TRUE(c.sealed_password.empty());
}

}  // namespace
}  // namespace sb
