#include "api/endpoint_codec.h"

#include <gtest/gtest.h>

namespace sb::api {
namespace {

TEST(EndpointCodec, ReadsValuesNullsAndAbsence) {
  auto p = DecodeEndpointPatch(Json::parse(
      R"({"username":"alice","caller_id":null,"codecs":["PCMU"],"call_request_url":"https://x.y"})"));
  EXPECT_EQ(p.username.value, "alice");
  EXPECT_TRUE(p.caller_id.IsNull());
  EXPECT_FALSE(p.send_as.present);
  EXPECT_EQ(p.codecs.value, std::vector<std::string>{"PCMU"});
  EXPECT_EQ(p.companions[0].value, "https://x.y");
  EXPECT_TRUE(p.decode_errors.empty());
}

TEST(EndpointCodec, AcceptsCommaSeparatedCodecs) {
  auto p = DecodeEndpointPatch(Json::parse(R"({"codecs":"OPUS, PCMU,,G722"})"));
  EXPECT_EQ(p.codecs.value, (std::vector<std::string>{"OPUS", "PCMU", "G722"}));
}

TEST(EndpointCodec, RecordsTypeErrorsWithTheirCodes) {
  auto p = DecodeEndpointPatch(
      Json::parse(R"({"username":5,"ciphers":"AES","codecs":{"a":1},"encryption":true})"));
  ASSERT_EQ(p.decode_errors.size(), 4u);
  EXPECT_EQ(p.decode_errors[0].code, "not_a_string");
  EXPECT_EQ(p.decode_errors[1].code, "not_an_array_of_strings");
  EXPECT_EQ(p.decode_errors[2].code, "invalid_codecs_format");
  EXPECT_EQ(p.decode_errors[3].attribute, "encryption");
  EXPECT_FALSE(p.username.present);
}

TEST(EndpointCodec, IgnoresUnknownKeysAndClientIds) {
  auto p = DecodeEndpointPatch(
      Json::parse(R"({"id":"x","callerId":"camel","password_confirmation":"y"})"));
  EXPECT_FALSE(p.caller_id.present);
  EXPECT_TRUE(p.decode_errors.empty());
}

}  // namespace
}  // namespace sb::api
