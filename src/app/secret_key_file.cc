#include "app/secret_key_file.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/encoding.h"

namespace sb {
namespace {

std::string Trim(const std::string& s) {
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos)
    return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

SecretKey ParseKey(const std::string& hex, const std::string& where) {
  auto bytes = HexDecode(hex);
  if (!bytes || bytes->size() != 32) {
    throw std::runtime_error(where + " holds a key that is not 64 hexadecimal digits");
  }
  SecretKey key;
  std::copy(bytes->begin(), bytes->end(), key.begin());
  return key;
}

void CreateKeyFile(const std::string& path, RandomSource& random) {
  SecretKey key;
  random.Fill(key);
  std::string text = "# switchboard password-sealing keys, oldest first; keep this file secret.\n" +
                     HexEncode(key) + "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    throw std::runtime_error("cannot create key file " + path);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  ::close(fd);
  if (!ok)
    throw std::runtime_error("cannot write key file " + path);
}

}  // namespace

std::vector<SecretKey> LoadOrCreateKeys(const std::string& path, const std::string& env_keys,
                                        RandomSource& random) {
  std::vector<SecretKey> keys;
  if (!env_keys.empty()) {
    std::stringstream list(env_keys);
    std::string item;
    while (std::getline(list, item, ',')) {
      if (!Trim(item).empty())
        keys.push_back(ParseKey(Trim(item), "SWITCHBOARD_SECRET_KEYS"));
    }
    if (keys.empty())
      throw std::runtime_error("SWITCHBOARD_SECRET_KEYS holds no key");
    return keys;
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    CreateKeyFile(path, random);
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read key file " + path);
  std::string line;
  while (std::getline(in, line)) {
    line = Trim(line);
    if (line.empty() || line[0] == '#')
      continue;
    keys.push_back(ParseKey(line, "key file " + path));
  }
  if (keys.empty())
    throw std::runtime_error("key file " + path + " holds no key");
  return keys;
}

}  // namespace sb
