#pragma once

#include <string>
#include <vector>

#include "domain/password_sealer.h"
#include "domain/random.h"

namespace sb {

// The keys that seal SIP passwords (CONTRACT 9), oldest first; the last one seals new values.
// From `env_keys` (hex keys separated by commas) when given, else from `path`: one 64-digit hex
// key per line, '#' comments allowed. A missing file is created with one new key and mode 0600.
// Throws std::runtime_error with a readable reason (never a key) when the keys cannot be had.
std::vector<SecretKey> LoadOrCreateKeys(const std::string& path, const std::string& env_keys,
                                        RandomSource& random);

}  // namespace sb
