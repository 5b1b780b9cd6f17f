#include "domain/endpoint_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sb {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

EndpointPatch ValidCreate() {
  EndpointPatch p;
  p.username.Set("alice");
  p.password.Set("s3cret-pass");
  return p;
}

std::size_t CompanionIndex(std::string_view name) {
  const auto& specs = CompanionSpecs();
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].name == name)
      return i;
  }
  throw std::out_of_range(std::string(name));
}

Result<SipEndpoint> Create(const EndpointPatch& p, Surface surface = Surface::kRelay) {
  return ApplyEndpointPatch(SipEndpoint{}, p, WriteKind::kCreate, surface, EndpointRules{});
}

// The single field error of a failed write, as "code attribute".
std::string OnlyError(const Result<SipEndpoint>& r) {
  if (r)
    return "no error";
  if (r.error().fields.size() != 1)
    return std::to_string(r.error().fields.size()) + " errors";
  return r.error().fields[0].code + " " + r.error().fields[0].attribute;
}

TEST(EndpointRules, CreateAppliesDefaults) {
  auto e = Create(ValidCreate());
  ASSERT_TRUE(e);
  EXPECT_EQ(e->username, "alice");
  EXPECT_EQ(e->encryption, "default");
  EXPECT_EQ(e->call_handler, CallHandler::kDefault);
  EXPECT_FALSE(e->send_as);
  EXPECT_TRUE(e->ciphers.empty());
  EXPECT_TRUE(e->codecs.empty());
  EXPECT_FALSE(e->caller_id);
}

TEST(EndpointRules, UsernameIsRequiredOnCreate) {
  EndpointPatch p = ValidCreate();
  p.username = {};
  EXPECT_EQ(OnlyError(Create(p)), "missing_required_parameter username");
  p.username.SetNull();
  EXPECT_EQ(OnlyError(Create(p)), "missing_required_parameter username");
  p.username.Set("");
  EXPECT_EQ(OnlyError(Create(p)), "missing_required_parameter username");
}

TEST(EndpointRules, UsernameFollowsTheSipUserPartRules) {
  const std::vector<std::string> bad_names = {
      "a b", "a@b", "a:b", "a%b", "tab\there", "é", std::string(65, 'a')};
  for (const auto& bad : bad_names) {
    EndpointPatch p = ValidCreate();
    p.username.Set(bad);
    EXPECT_EQ(OnlyError(Create(p)), "invalid_parameter username") << bad;
  }
  const std::vector<std::string> good_names = {"a", "Front-Desk_01", "x.y!~*'()&=+$,;?/",
                                               std::string(64, 'z')};
  for (const auto& good : good_names) {
    EndpointPatch p = ValidCreate();
    p.username.Set(good);
    EXPECT_TRUE(Create(p)) << good;
  }
}

TEST(EndpointRules, UsernameWithWhitespaceOrAtSaysSo) {
  EndpointPatch p = ValidCreate();
  p.username.Set("a b");
  EXPECT_EQ(Create(p).error().fields[0].message, "username must not contain whitespace or @");
}

TEST(EndpointRules, PasswordIsRequiredOnRelayCreateOnly) {
  EndpointPatch p = ValidCreate();
  p.password = {};
  EXPECT_EQ(OnlyError(Create(p)), "missing_required_parameter password");
  EXPECT_TRUE(Create(p, Surface::kFabric));
  auto updated = ApplyEndpointPatch(SipEndpoint{.username = "alice"}, EndpointPatch{},
                                    WriteKind::kUpdate, Surface::kRelay, EndpointRules{});
  EXPECT_TRUE(updated);
}

TEST(EndpointRules, PasswordLengthAndControlCharacters) {
  EndpointPatch p = ValidCreate();
  p.password.Set("short");
  EXPECT_EQ(OnlyError(Create(p)), "invalid_parameter password");
  p.password.Set(std::string(129, 'x'));
  EXPECT_EQ(OnlyError(Create(p)), "invalid_parameter password");
  p.password.Set("has\x01control");
  EXPECT_EQ(OnlyError(Create(p)), "invalid_parameter password");
  p.password.Set("ünïcødé-pass");
  EXPECT_TRUE(Create(p));
  // The minimum is a setting.
  p.password.Set("twelve-chars");
  EXPECT_TRUE(Create(p));
  EXPECT_FALSE(ApplyEndpointPatch(SipEndpoint{}, p, WriteKind::kCreate, Surface::kRelay,
                                  EndpointRules{.min_password_length = 16}));
}

TEST(EndpointRules, NoErrorEchoesThePassword) {
  EndpointPatch p = ValidCreate();
  p.password.Set("short!");
  auto r = Create(p);
  ASSERT_FALSE(r);
  for (const auto& f : r.error().fields) EXPECT_EQ(f.message.find("short!"), std::string::npos);
}

TEST(EndpointRules, CallerIdIsBoundedAndClearable) {
  EndpointPatch p = ValidCreate();
  p.caller_id.Set(std::string(256, 'c'));
  EXPECT_EQ(OnlyError(Create(p)), "invalid_parameter caller_id");
  p.caller_id.Set("line\nbreak");
  EXPECT_EQ(OnlyError(Create(p)), "invalid_parameter caller_id");
  p.caller_id.Set("Front Desk ☎");
  EXPECT_EQ(Create(p)->caller_id, "Front Desk ☎");
  SipEndpoint with_id{.username = "alice", .caller_id = "x"};
  EndpointPatch clear;
  clear.caller_id.SetNull();
  EXPECT_FALSE(
      ApplyEndpointPatch(with_id, clear, WriteKind::kUpdate, Surface::kRelay, {})->caller_id);
}

TEST(EndpointRules, SendAsIsRandomOrE164AndEmptyMeansInherit) {
  EndpointPatch p = ValidCreate();
  for (const char* bad : {"12345678", "+0123456789", "+123456", "+1234567890123456", "+1-555"}) {
    p.send_as.Set(bad);
    EXPECT_EQ(OnlyError(Create(p)), "send_as_is_invalid send_as") << bad;
  }
  for (const char* good : {"random", "+1234567", "+15551234567", "+123456789012345"}) {
    p.send_as.Set(good);
    EXPECT_EQ(Create(p)->send_as, good);
  }
  p.send_as.Set("");
  EXPECT_FALSE(Create(p)->send_as);
  p.send_as.SetNull();
  EXPECT_FALSE(Create(p)->send_as);
}

TEST(EndpointRules, CiphersAndCodecsKeepOrderDropDuplicatesAndRejectUnknowns) {
  EndpointPatch p = ValidCreate();
  p.codecs.Set({"PCMU", "OPUS", "PCMU", "OPUS@16000H@20I"});
  p.ciphers.Set({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_256_GCM_8"});
  auto e = Create(p);
  ASSERT_TRUE(e);
  EXPECT_THAT(e->codecs, ElementsAre("PCMU", "OPUS", "OPUS@16000H@20I"));
  EXPECT_THAT(e->ciphers, ElementsAre("AES_CM_128_HMAC_SHA1_80", "AEAD_AES_256_GCM_8"));
  p.codecs.Set({"PCMU", "MP3"});
  EXPECT_EQ(OnlyError(Create(p)), "list_contains_invalid_entries codecs");
  p.codecs = {};
  p.ciphers.Set({"ROT13"});
  EXPECT_EQ(OnlyError(Create(p)), "list_contains_invalid_entries ciphers");
}

TEST(EndpointRules, EncryptionValues) {
  EndpointPatch p = ValidCreate();
  p.encryption.Set("disabled");
  EXPECT_EQ(OnlyError(Create(p)), "invalid_parameter encryption");
  p.encryption.Set("required");
  EXPECT_EQ(Create(p)->encryption, "required");
}

TEST(EndpointRules, CallHandlerValuesDependOnTheSurface) {
  EndpointPatch p = ValidCreate();
  p.call_handler.Set("laml_webhooks");
  p.companions[CompanionIndex("call_request_url")].Set("https://example.com/voice");
  EXPECT_TRUE(Create(p, Surface::kRelay));
  EXPECT_EQ(OnlyError(Create(p, Surface::kFabric)), "invalid_parameter call_handler");
  p.call_handler.Set("block-pstn");
  EXPECT_EQ(Create(p, Surface::kFabric)->call_handler, CallHandler::kBlockPstn);
  p.call_handler.Set("nonsense");
  EXPECT_EQ(OnlyError(Create(p)), "invalid_parameter call_handler");
}

TEST(EndpointRules, ResourceHandlerNeedsAResourceId) {
  EndpointPatch p = ValidCreate();
  p.call_handler.Set("resource");
  EXPECT_EQ(OnlyError(Create(p)), "missing_required_parameter calling_handler_resource_id");
  p.calling_handler_resource_id.Set("not-a-uuid");
  EXPECT_EQ(OnlyError(Create(p)), "provided_id_is_unrecognized calling_handler_resource_id");
  p.calling_handler_resource_id.Set("01A20556-4659-7000-A69F-2B76D4232056");
  EXPECT_EQ(Create(p)->calling_handler_resource_id, "01a20556-4659-7000-a69f-2b76d4232056");
}

TEST(EndpointRules, ResourceIdIsClearedWhenTheHandlerIsNotResource) {
  SipEndpoint current{.username = "a",
                      .call_handler = CallHandler::kResource,
                      .calling_handler_resource_id = "01a20556-4659-7000-a69f-2b76d4232056"};
  EndpointPatch p;
  p.call_handler.Set("passthrough");
  auto e = ApplyEndpointPatch(current, p, WriteKind::kUpdate, Surface::kFabric, {});
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->calling_handler_resource_id);
}

TEST(EndpointRules, EachHandlerRequiresItsCompanion) {
  for (const auto& spec : CompanionSpecs()) {
    if (!spec.required)
      continue;
    EndpointPatch p = ValidCreate();
    p.call_handler.Set(std::string(CallHandlerName(spec.handler)));
    EXPECT_EQ(OnlyError(Create(p)), "missing_required_parameter " + std::string(spec.name));
  }
}

TEST(EndpointRules, CompanionValuesAreChecked) {
  EndpointPatch p = ValidCreate();
  p.call_handler.Set("laml_webhooks");
  p.companions[CompanionIndex("call_request_url")].Set("ftp://example.com");
  EXPECT_EQ(OnlyError(Create(p)), "not_an_http_url call_request_url");
  p.companions[CompanionIndex("call_request_url")].Set("https://example.com/a");
  p.companions[CompanionIndex("call_request_method")].Set("PATCH");
  EXPECT_EQ(OnlyError(Create(p)), "invalid_http_method call_request_method");

  EndpointPatch v = ValidCreate();
  v.call_handler.Set("video_room");
  v.companions[CompanionIndex("call_video_room_id")].Set("room-1");
  EXPECT_EQ(OnlyError(Create(v)), "invalid_parameter call_video_room_id");

  EndpointPatch f = ValidCreate();
  f.call_handler.Set("call_flow");
  f.companions[CompanionIndex("call_flow_id")].Set("01a20556-4659-7000-a69f-2b76d4232056");
  f.companions[CompanionIndex("call_flow_version")].Set("latest");
  EXPECT_EQ(OnlyError(Create(f)), "invalid_parameter call_flow_version");
}

TEST(EndpointRules, MethodsDefaultToPostWhenTheirUrlIsSet) {
  EndpointPatch p = ValidCreate();
  p.call_handler.Set("laml_webhooks");
  p.companions[CompanionIndex("call_request_url")].Set("https://example.com/a");
  p.companions[CompanionIndex("call_fallback_method")].Set("get");
  auto e = Create(p);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->companions[CompanionIndex("call_request_method")], "POST");
  EXPECT_FALSE(e->companions[CompanionIndex("call_fallback_method")]);  // no fallback URL
  EXPECT_FALSE(e->companions[CompanionIndex("call_status_callback_method")]);
}

TEST(EndpointRules, SwitchingHandlerClearsTheOldCompanions) {
  EndpointPatch p = ValidCreate();
  p.call_handler.Set("laml_webhooks");
  p.companions[CompanionIndex("call_request_url")].Set("https://example.com/a");
  auto before = Create(p);
  ASSERT_TRUE(before);
  EndpointPatch change;
  change.call_handler.Set("relay_script");
  change.companions[CompanionIndex("call_relay_script_url")].Set("https://example.com/s.yaml");
  auto after = ApplyEndpointPatch(*before, change, WriteKind::kUpdate, Surface::kRelay, {});
  ASSERT_TRUE(after);
  for (std::size_t i = 0; i < kCompanionCount; ++i) {
    if (CompanionSpecs()[i].name == "call_relay_script_url") {
      EXPECT_EQ(after->companions[i], "https://example.com/s.yaml");
    } else {
      EXPECT_FALSE(after->companions[i]) << CompanionSpecs()[i].name;
    }
  }
}

TEST(EndpointRules, UpdateLeavesAbsentFieldsAndResetsNullOnes) {
  SipEndpoint current{.username = "alice",
                      .caller_id = "Desk",
                      .send_as = "+15551234567",
                      .ciphers = {"AEAD_AES_256_GCM_8"},
                      .codecs = {"PCMU"},
                      .encryption = "required"};
  EndpointPatch p;
  p.send_as.SetNull();
  p.codecs.SetNull();
  p.encryption.SetNull();
  auto e = ApplyEndpointPatch(current, p, WriteKind::kUpdate, Surface::kRelay, {});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->username, "alice");
  EXPECT_EQ(e->caller_id, "Desk");
  EXPECT_THAT(e->ciphers, ElementsAre("AEAD_AES_256_GCM_8"));
  EXPECT_FALSE(e->send_as);
  EXPECT_TRUE(e->codecs.empty());
  EXPECT_EQ(e->encryption, "default");
}

TEST(EndpointRules, ReportsEveryErrorOfARequestTogether) {
  EndpointPatch p;
  p.username.Set("bad user");
  p.password.Set("short");
  p.send_as.Set("nope");
  p.encryption.Set("always");
  p.decode_errors.push_back({"not_a_string", "caller_id", "caller_id must be a string"});
  auto r = Create(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(r.error().fields, ElementsAre(Field(&FieldError::attribute, "caller_id"),
                                            Field(&FieldError::attribute, "username"),
                                            Field(&FieldError::attribute, "password"),
                                            Field(&FieldError::attribute, "send_as"),
                                            Field(&FieldError::attribute, "encryption")));
}

TEST(EndpointRules, UrlCheck) {
  EXPECT_TRUE(IsHttpUrl("http://a"));
  EXPECT_TRUE(IsHttpUrl("HTTPS://example.com:8443/x?y=1"));
  EXPECT_FALSE(IsHttpUrl("https://"));
  EXPECT_FALSE(IsHttpUrl("https:///path"));
  EXPECT_FALSE(IsHttpUrl("https://exa mple.com"));
  EXPECT_FALSE(IsHttpUrl("/relative"));
  EXPECT_FALSE(IsHttpUrl("javascript:alert(1)"));
}

}  // namespace
}  // namespace sb
