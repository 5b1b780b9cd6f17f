#pragma once

#include <string>

namespace sb {

// One contact a phone registered for an endpoint, as the registrar recorded it (Kamailio's
// location table).
struct Registration {
  std::string contact;         // the Contact URI
  std::string source_address;  // where the REGISTER came from, "ip:port"
  std::string transport;       // "udp", "tcp", "tls", ...
  std::string user_agent;
  std::string expires_at;  // UTC, "YYYY-MM-DD HH:MM:SS" as the registrar wrote it
};

// Splits the registrar's `received` ("sip:1.2.3.4:5060;transport=udp") or `socket`
// ("udp:1.2.3.4:5060") values into the address and transport of a Registration.
void ParseRegistrarAddress(const std::string& received, const std::string& socket,
                           Registration& out);

}  // namespace sb
