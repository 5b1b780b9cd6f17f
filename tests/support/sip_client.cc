#include "support/sip_client.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <sstream>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "domain/digest.h"

namespace sb::testing {
namespace {

// The value of `name="..."` or `name=token` in a Digest challenge.
std::string Param(const std::string& header, const std::string& name) {
  auto at = header.find(name + "=");
  if (at == std::string::npos)
    return {};
  at += name.size() + 1;
  if (at < header.size() && header[at] == '"') {
    auto end = header.find('"', at + 1);
    return header.substr(at + 1, end - at - 1);
  }
  auto end = header.find_first_of(", ", at);
  return header.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

SipResponse Parse(const std::string& text) {
  SipResponse r;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  if (line.rfind("SIP/2.0 ", 0) == 0)
    r.status = std::atoi(line.c_str() + 8);
  while (std::getline(in, line) && line != "\r" && !line.empty()) {
    auto colon = line.find(':');
    if (colon == std::string::npos)
      continue;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (!value.empty() && value.back() == '\r')
      value.pop_back();
    r.headers.emplace(name, value);
  }
  return r;
}

}  // namespace

SipClient::SipClient(std::string server_host, int server_port) {
  socket_ = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(socket_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
    throw std::runtime_error("cannot bind a UDP socket");
  }
  socklen_t length = sizeof local;
  getsockname(socket_, reinterpret_cast<sockaddr*>(&local), &length);
  local_port_ = ntohs(local.sin_port);
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_port = htons(static_cast<std::uint16_t>(server_port));
  inet_pton(AF_INET, server_host.c_str(), &server.sin_addr);
  connect(socket_, reinterpret_cast<sockaddr*>(&server), sizeof server);
}

SipClient::~SipClient() { close(socket_); }

std::string SipClient::NewToken() {
  static std::mt19937_64 random(std::random_device{}());
  return std::to_string(random()) + std::to_string(++counter_);
}

SipResponse SipClient::Exchange(const std::string& request, int timeout_ms) {
  ::send(socket_, request.data(), request.size(), 0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0)
      return {};
    pollfd p{socket_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0)
      return {};
    char buffer[8192];
    auto n = ::recv(socket_, buffer, sizeof buffer, 0);
    if (n <= 0)
      return {};
    SipResponse r = Parse(std::string(buffer, static_cast<std::size_t>(n)));
    if (r.status >= 200)
      return r;  // skip provisional answers
  }
}

SipResponse SipClient::Options(int timeout_ms) {
  std::string port = std::to_string(local_port_);
  std::string request = "OPTIONS sip:ping@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + port +
                        ";branch=z9hG4bK" + NewToken() +
                        "\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=" + NewToken() +
                        "\r\nTo: <sip:ping@127.0.0.1>\r\nCall-ID: " + NewToken() +
                        "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
  return Exchange(request, timeout_ms);
}

SipResponse SipClient::Register(const std::string& user, const std::string& domain,
                                const std::string& password, int expires) {
  std::string port = std::to_string(local_port_);
  std::string call_id = NewToken(), tag = NewToken(), uri = "sip:" + domain;
  auto build = [&](int cseq, const std::string& authorization) {
    return "REGISTER " + uri + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + port +
           ";branch=z9hG4bK" + NewToken() + "\r\nMax-Forwards: 70\r\nFrom: <sip:" + user + "@" +
           domain + ">;tag=" + tag + "\r\nTo: <sip:" + user + "@" + domain +
           ">\r\nCall-ID: " + call_id + "\r\nCSeq: " + std::to_string(cseq) +
           " REGISTER\r\nContact: <sip:" + user + "@127.0.0.1:" + port +
           ">\r\nExpires: " + std::to_string(expires) + "\r\n" + authorization +
           "User-Agent: switchboard-test-sip-client\r\nContent-Length: 0\r\n\r\n";
  };
  SipResponse challenge = Exchange(build(1, ""), 2000);
  if (challenge.status != 401)
    return challenge;
  last_challenge_ = challenge.headers["www-authenticate"];
  std::string realm = Param(last_challenge_, "realm");
  std::string nonce = Param(last_challenge_, "nonce");
  std::string algorithm = Param(last_challenge_, "algorithm");
  auto hash = [&](const std::string& s) {
    return algorithm == "SHA-256" ? Sha256Hex(s) : Md5Hex(s);
  };
  std::string response =
      hash(hash(user + ":" + realm + ":" + password) + ":" + nonce + ":" + hash("REGISTER:" + uri));
  std::string authorization = "Authorization: Digest username=\"" + user + "\", realm=\"" + realm +
                              "\", nonce=\"" + nonce + "\", uri=\"" + uri + "\", response=\"" +
                              response + "\"" +
                              (algorithm.empty() ? "" : ", algorithm=" + algorithm) + "\r\n";
  return Exchange(build(2, authorization), 2000);
}

}  // namespace sb::testing
