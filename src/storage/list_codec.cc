#include "storage/list_codec.h"

#include <algorithm>

namespace sb {

std::string JoinList(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i)
      out += ',';
    out += values[i];
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty())
    return out;
  // Sized once: the lists are read for every endpoint of every page.
  out.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), ',')) + 1);
  while (!text.empty()) {
    auto comma = text.find(',');
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos)
      break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::string LikeContains(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '\\' || c == '%' || c == '_')
      out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

}  // namespace sb
