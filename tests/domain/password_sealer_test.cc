#include "domain/password_sealer.h"

#include <gtest/gtest.h>

#include "support/fakes.h"

namespace sb {
namespace {

SecretKey Key(std::uint8_t fill) {
  SecretKey key;
  key.fill(fill);
  return key;
}

TEST(PasswordSealer, OpensWhatItSealedForTheSameEndpoint) {
  testing::CountingRandom random;
  PasswordSealer sealer({Key(1)}, random);
  auto sealed = sealer.Seal("s3cret-pass", "endpoint-a");
  EXPECT_EQ(sealed.bytes.size(), 12u + 11u + 16u);
  EXPECT_EQ(sealed.key_id, PasswordSealer::KeyId(Key(1)));
  std::string as_text(sealed.bytes.begin(), sealed.bytes.end());
  EXPECT_EQ(as_text.find("s3cret-pass"), std::string::npos);
  EXPECT_EQ(sealer.Open(sealed.bytes, sealed.key_id, "endpoint-a").value(), "s3cret-pass");
}

TEST(PasswordSealer, RefusesAnotherEndpointATamperedValueOrAnUnknownKey) {
  testing::CountingRandom random;
  PasswordSealer sealer({Key(1)}, random);
  auto sealed = sealer.Seal("s3cret-pass", "endpoint-a");
  EXPECT_FALSE(sealer.Open(sealed.bytes, sealed.key_id, "endpoint-b"));
  auto tampered = sealed.bytes;
  tampered[14] ^= 1;
  EXPECT_FALSE(sealer.Open(tampered, sealed.key_id, "endpoint-a"));
  EXPECT_FALSE(sealer.Open(sealed.bytes, "0000000000000000", "endpoint-a"));
  EXPECT_FALSE(sealer.Open({1, 2, 3}, sealed.key_id, "endpoint-a"));
}

TEST(PasswordSealer, SealsWithTheNewestKeyAndOpensWithAnyKnownOne) {
  testing::CountingRandom random;
  PasswordSealer old_sealer({Key(1)}, random);
  auto old_value = old_sealer.Seal("first-password", "e");
  PasswordSealer rotated({Key(1), Key(2)}, random);
  EXPECT_EQ(rotated.Open(old_value.bytes, old_value.key_id, "e").value(), "first-password");
  EXPECT_EQ(rotated.Seal("x", "e").key_id, PasswordSealer::KeyId(Key(2)));
}

TEST(PasswordSealer, UsesAFreshNonceEachTime) {
  testing::CountingRandom random;
  PasswordSealer sealer({Key(1)}, random);
  EXPECT_NE(sealer.Seal("same", "e").bytes, sealer.Seal("same", "e").bytes);
}

}  // namespace
}  // namespace sb
