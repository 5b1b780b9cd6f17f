#pragma once

#include <chrono>
#include <string>

namespace sb::testing {

// A plain TCP connection for what an HTTP library will not send: bytes that are not a valid
// request, requests sent slowly or never finished, many idle connections.
class RawConnection {
 public:
  // Connects to the host and port of `base_url` (http://HOST:PORT). Throws on failure.
  explicit RawConnection(const std::string& base_url);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends every byte; false when the peer has closed the connection.
  bool Send(const std::string& bytes);
  // Reads until the peer closes the connection or `timeout` passes; returns what arrived.
  std::string ReadUntilClosed(std::chrono::milliseconds timeout);
  // Whether the peer closed the connection within `timeout` (reading and dropping any bytes).
  bool ClosedWithin(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
  bool closed_ = false;
};

}  // namespace sb::testing
