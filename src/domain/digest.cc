#include "domain/digest.h"

#include <string>

#include <openssl/evp.h>

#include "domain/encoding.h"

namespace sb {
namespace {

std::string HexDigest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), out, &length, md, nullptr);
  return HexEncode({out, length});
}

}  // namespace

std::string Md5Hex(std::string_view data) { return HexDigest(EVP_md5(), data); }
std::string Sha256Hex(std::string_view data) { return HexDigest(EVP_sha256(), data); }

SipCredentials DeriveDigests(std::string_view username, std::string_view realm,
                             std::string_view password) {
  std::string user(username);
  std::string tail = ":" + std::string(realm) + ":" + std::string(password);
  SipCredentials c;
  c.ha1 = Md5Hex(user + tail);
  c.ha1_sha256 = Sha256Hex(user + tail);
  c.ha1b = Md5Hex(user + "@" + std::string(realm) + tail);
  return c;
}

}  // namespace sb
