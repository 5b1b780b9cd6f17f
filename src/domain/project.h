#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.h"
#include "domain/sip_profile.h"

namespace sb {

// A tenant. Every endpoint, token and resource belongs to exactly one project (CONTRACT 2).
struct Project {
  std::string id;  // UUIDv7; the HTTP Basic user name
  std::string name;
  SipProfile profile;
  Micros created_at = 0;
};

// An API token's public description. The token itself is shown once, at creation, and the store
// keeps only its SHA-256 (auth/token_hasher.h).
struct ApiToken {
  std::string id;
  std::string project_id;
  std::string name;
  std::vector<std::string> scopes;  // of "voice", "messaging", "fax", "video"
  Micros created_at = 0;
  std::optional<Micros> revoked_at;
};

}  // namespace sb
