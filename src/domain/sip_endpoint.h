#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/call_handler.h"
#include "domain/clock.h"

namespace sb {

// One SIP endpoint, as stored: the single record behind both the Relay object and the Fabric
// wrapper (CONTRACT 3). Inheritable settings are stored as written, not resolved: an unset
// `send_as` or an empty codec or cipher list means "follow the SIP profile", and the API shows the
// profile's current value (see EffectiveSettings in sip_profile.h).
struct SipEndpoint {
  std::string id;           // endpoint id (Relay `id`), UUIDv7
  std::string resource_id;  // Fabric resource id (the wrapper's `id`), UUIDv7
  std::string address_id;   // id of the endpoint's one Fabric address, UUIDv7
  std::string project_id;
  std::string username;
  std::optional<std::string> display_name;  // Fabric extension; the username when unset
  std::optional<std::string> caller_id;
  std::optional<std::string> send_as;  // nullopt: inherit
  std::vector<std::string> ciphers;    // empty: inherit
  std::vector<std::string> codecs;     // empty: inherit
  std::string encryption = "default";
  CallHandler call_handler = CallHandler::kDefault;
  std::optional<std::string> calling_handler_resource_id;
  Companions companions;
  Micros created_at = 0;
  Micros updated_at = 0;

  bool operator==(const SipEndpoint&) const = default;
};

// What the registrar needs and what lets the server re-derive it (CONTRACT 9). All empty when the
// endpoint has no password (it then cannot register).
struct SipCredentials {
  std::string ha1;                            // MD5(username:realm:password), lower-case hex
  std::string ha1_sha256;                     // SHA-256(username:realm:password), RFC 8760
  std::string ha1b;                           // MD5(username@domain:realm:password)
  std::vector<std::uint8_t> sealed_password;  // AES-256-GCM, see password_sealer.h
  std::string key_id;                         // which server key sealed it

  bool HasPassword() const { return !sealed_password.empty(); }
  bool operator==(const SipCredentials&) const = default;
};

struct StoredEndpoint {
  SipEndpoint endpoint;
  SipCredentials credentials;
};

}  // namespace sb
