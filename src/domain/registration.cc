#include "domain/registration.h"

namespace sb {

void ParseRegistrarAddress(const std::string& received, const std::string& socket,
                           Registration& out) {
  if (!received.empty()) {
    std::string r = received.rfind("sip:", 0) == 0 ? received.substr(4) : received;
    auto params = r.find(';');
    out.source_address = r.substr(0, params);
    auto t = r.find("transport=");
    out.transport = t == std::string::npos ? "udp" : r.substr(t + 10, r.find(';', t) - t - 10);
  } else if (!socket.empty()) {
    auto colon = socket.find(':');
    out.transport = socket.substr(0, colon);
    out.source_address = colon == std::string::npos ? "" : socket.substr(colon + 1);
  }
}

}  // namespace sb
