#include "http/address_text.h"

namespace sb::http {

std::string Ipv4Text(const std::array<unsigned char, 4>& bytes) {
  char text[16];  // "255.255.255.255"
  char* at = text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0)
      *at++ = '.';
    unsigned value = bytes[i];
    if (value >= 100)
      *at++ = static_cast<char>('0' + value / 100);
    if (value >= 10)
      *at++ = static_cast<char>('0' + value / 10 % 10);
    *at++ = static_cast<char>('0' + value % 10);
  }
  return std::string(text, at);
}

}  // namespace sb::http
