#include "domain/digest.h"

#include <cstdlib>
#include <initializer_list>
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

// One context per thread, reused: EVP_Digest allocates, initialises and frees a context on every
// call, which was most of the cost of hashing the API token that every request carries.
struct ThreadDigestContext {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~ThreadDigestContext() { EVP_MD_CTX_free(ctx); }
};

std::string HexDigest(const EVP_MD* md, std::string_view data) {
  thread_local ThreadDigestContext context;
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (context.ctx == nullptr || EVP_DigestInit_ex2(context.ctx, md, nullptr) != 1 ||
      EVP_DigestUpdate(context.ctx, data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context.ctx, out, &length) != 1)
    std::abort();  // only allocation failure makes these fail for MD5 and SHA-256
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
  auto join = [](std::initializer_list<std::string_view> parts) {
    std::string out;
    for (auto part : parts) out += part;
    return out;
  };
  std::string user_realm_password = join({username, ":", realm, ":", password});
  SipCredentials c;
  c.ha1 = Md5Hex(user_realm_password);
  c.ha1_sha256 = Sha256Hex(user_realm_password);
  c.ha1b = Md5Hex(join({username, "@", realm, ":", realm, ":", password}));
  return c;
}

}  // namespace sb
