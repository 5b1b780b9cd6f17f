#include "domain/media_options.h"

#include <algorithm>
#include <array>

namespace sb {
namespace {

constexpr std::array<std::string_view, 5> kCiphers = {
    "AEAD_AES_256_GCM_8",      "AES_256_CM_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_80",
    "AES_256_CM_HMAC_SHA1_32", "AES_CM_128_HMAC_SHA1_32",
};

constexpr std::array<std::string_view, 11> kCodecs = {
    "PCMU",
    "PCMA",
    "G722",
    "G729",
    "OPUS",
    "OPUS@48000H@20I",
    "OPUS@24000H@20I",
    "OPUS@16000H@20I",
    "OPUS@8000H@20I",
    "VP8",
    "H264",
};

}  // namespace

std::span<const std::string_view> KnownCiphers() { return kCiphers; }
std::span<const std::string_view> KnownCodecs() { return kCodecs; }

std::vector<std::string> WithoutDuplicates(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    if (std::find(out.begin(), out.end(), v) == out.end())
      out.push_back(v);
  }
  return out;
}

}  // namespace sb
