#pragma once

#include <string>
#include <string_view>

#include "domain/sip_endpoint.h"

namespace sb {

// Lower-case hex digests (OpenSSL).
std::string Md5Hex(std::string_view data);
std::string Sha256Hex(std::string_view data);

// The registrar's digests of CONTRACT 9 for `username` in `realm` (the project's SIP domain, which
// is also the domain part of `ha1b`). Only the ha1 fields of the result are set.
SipCredentials DeriveDigests(std::string_view username, std::string_view realm,
                             std::string_view password);

}  // namespace sb
