#include "domain/sip_profile.h"

#include <gtest/gtest.h>

namespace sb {
namespace {

SipProfile Profile() {
  SipProfile p = NewProjectProfile("acme");
  p.default_send_as = "+15550001111";
  return p;
}

// An endpoint that sets nothing shows the profile's values; one that sets everything shows its
// own; the view and the resolved copy always agree.
TEST(SipProfile, TheViewAndTheResolvedCopyShowTheSameSettings) {
  SipProfile profile = Profile();
  SipEndpoint inherits;
  SipEndpoint own;
  own.send_as = "+15550002222";
  own.ciphers = {"AEAD_AES_256_GCM_8"};
  own.codecs = {"PCMU"};

  auto shown = ViewInherited(inherits, profile);
  EXPECT_EQ(&shown.send_as, &*profile.default_send_as);  // a reference, not a copy
  EXPECT_EQ(&shown.ciphers, &profile.default_ciphers);
  EXPECT_EQ(&shown.codecs, &profile.default_codecs);
  auto own_shown = ViewInherited(own, profile);
  EXPECT_EQ(own_shown.send_as, "+15550002222");
  EXPECT_EQ(own_shown.ciphers, own.ciphers);
  EXPECT_EQ(own_shown.codecs, own.codecs);

  for (const SipEndpoint& e : {inherits, own}) {
    SipEndpoint resolved = ResolveInherited(e, profile);
    auto view = ViewInherited(e, profile);
    EXPECT_EQ(resolved.send_as, view.send_as);
    EXPECT_EQ(resolved.ciphers, view.ciphers);
    EXPECT_EQ(resolved.codecs, view.codecs);
  }
}

TEST(SipProfile, SendAsIsRandomWhenNeitherSetsIt) {
  SipProfile profile = Profile();
  profile.default_send_as.reset();
  EXPECT_EQ(ViewInherited(SipEndpoint{}, profile).send_as, "random");
  EXPECT_EQ(ResolveInherited(SipEndpoint{}, profile).send_as, "random");
}

}  // namespace
}  // namespace sb
