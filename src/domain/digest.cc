#include "domain/digest.h"

#include <cstdlib>
#include <string>

#include <openssl/evp.h>

#include "domain/encoding.h"

namespace sb {
namespace {

// The algorithm fetched from OpenSSL's provider once: with EVP_md5() and EVP_sha256(), OpenSSL 3
// fetches it again, under a lock, on every digest, and every request hashes its API token.
const EVP_MD* Fetched(const char* name) {
  const EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
  if (md == nullptr)
    std::abort();  // the default provider always has MD5 and SHA-256
  return md;
}

std::string HexDigest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), out, &length, md, nullptr);
  return HexEncode({out, length});
}

}  // namespace

std::string Md5Hex(std::string_view data) {
  static const EVP_MD* const kMd5 = Fetched("MD5");
  return HexDigest(kMd5, data);
}

std::string Sha256Hex(std::string_view data) {
  static const EVP_MD* const kSha256 = Fetched("SHA256");
  return HexDigest(kSha256, data);
}

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
