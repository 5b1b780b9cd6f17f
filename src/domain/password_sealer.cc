#include "domain/password_sealer.h"

#include <memory>
#include <stdexcept>

#include <openssl/evp.h>

#include "domain/digest.h"

namespace sb {
namespace {

constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext NewContext() { return {EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free}; }

}  // namespace

PasswordSealer::PasswordSealer(std::vector<SecretKey> keys, RandomSource& random)
    : keys_(std::move(keys)), random_(random) {
  if (keys_.empty())
    throw std::invalid_argument("PasswordSealer needs at least one key");
  for (const auto& key : keys_) key_ids_.push_back(KeyId(key));
}

std::string PasswordSealer::KeyId(const SecretKey& key) {
  return Sha256Hex(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()))
      .substr(0, 16);
}

PasswordSealer::Sealed PasswordSealer::Seal(std::string_view password,
                                            std::string_view endpoint_id) const {
  std::vector<std::uint8_t> out(kNonceSize + password.size() + kTagSize);
  random_.Fill({out.data(), kNonceSize});
  auto ctx = NewContext();
  int length = 0;
  bool ok = ctx &&
            EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, keys_.back().data(),
                               out.data()) == 1 &&
            EVP_EncryptUpdate(ctx.get(), nullptr, &length,
                              reinterpret_cast<const unsigned char*>(endpoint_id.data()),
                              static_cast<int>(endpoint_id.size())) == 1 &&
            EVP_EncryptUpdate(ctx.get(), out.data() + kNonceSize, &length,
                              reinterpret_cast<const unsigned char*>(password.data()),
                              static_cast<int>(password.size())) == 1 &&
            EVP_EncryptFinal_ex(ctx.get(), out.data() + kNonceSize + length, &length) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize,
                                out.data() + kNonceSize + password.size()) == 1;
  // Encryption with a valid key cannot fail short of memory exhaustion; sealing nothing would
  // lose the password, so stop loudly.
  if (!ok)
    throw std::runtime_error("AES-256-GCM encryption failed");
  return {std::move(out), key_ids_.back()};
}

Result<std::string> PasswordSealer::Open(const std::vector<std::uint8_t>& sealed,
                                         std::string_view key_id,
                                         std::string_view endpoint_id) const {
  const SecretKey* key = nullptr;
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (key_ids_[i] == key_id)
      key = &keys_[i];
  }
  if (key == nullptr) {
    return Fail(Error::Internal("password sealed under unknown key id " + std::string(key_id)));
  }
  if (sealed.size() < kNonceSize + kTagSize)
    return Fail(Error::Internal("sealed value too short"));
  std::size_t text_size = sealed.size() - kNonceSize - kTagSize;
  std::string plain(text_size, '\0');
  std::vector<std::uint8_t> tag(sealed.end() - kTagSize, sealed.end());
  auto ctx = NewContext();
  int length = 0;
  bool ok =
      ctx &&
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key->data(), sealed.data()) == 1 &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &length,
                        reinterpret_cast<const unsigned char*>(endpoint_id.data()),
                        static_cast<int>(endpoint_id.size())) == 1 &&
      EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &length,
                        sealed.data() + kNonceSize, static_cast<int>(text_size)) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
      EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + length,
                          &length) == 1;
  if (!ok)
    return Fail(Error::Internal("sealed password failed authentication"));
  return plain;
}

}  // namespace sb
