#pragma once

#include <string>
#include <string_view>

#include "domain/random.h"

namespace sb {

// API token secrets: "PT" then 48 hex digits (192 random bits). Random secrets need no slow hash
// (ARCHITECTURE: argon2id would cost ~75 ms a request), so the store keeps their SHA-256.
std::string NewTokenSecret(RandomSource& random);
std::string HashTokenSecret(std::string_view secret);

}  // namespace sb
