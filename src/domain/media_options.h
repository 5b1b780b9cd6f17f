#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sb {

// The values CONTRACT 3 allows in `ciphers` and `codecs`.
std::span<const std::string_view> KnownCiphers();
std::span<const std::string_view> KnownCodecs();

// Keeps the first occurrence of each value, in order.
std::vector<std::string> WithoutDuplicates(const std::vector<std::string>& values);

}  // namespace sb
