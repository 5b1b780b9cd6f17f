#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sb {

// Codec and cipher lists and token scopes are stored as comma-separated text: none of their
// allowed values contains a comma, and the text stays readable in a dump.
std::string JoinList(const std::vector<std::string>& values);
std::vector<std::string> SplitList(std::string_view text);

// `text` with `\`, `%` and `_` escaped by `\`, wrapped in `%...%`: a LIKE pattern (with
// ESCAPE '\') that matches `text` as a literal substring.
std::string LikeContains(std::string_view text);

}  // namespace sb
