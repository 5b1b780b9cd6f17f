#include <algorithm>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "app/config.h"

namespace sb {
namespace {

std::string Where(const std::string& path, const toml::source_region& region) {
  return path + ":" + std::to_string(region.begin.line);
}

// A TOML value as the text CLI11 would have received on the command line.
std::string OptionText(const toml::node& value, const std::string& where, const std::string& key) {
  if (auto s = value.as_string())
    return s->get();
  if (auto i = value.as_integer())
    return std::to_string(i->get());
  if (auto b = value.as_boolean())
    return b->get() ? "true" : "false";
  throw std::invalid_argument(where + ": \"" + key +
                              "\" must be a string, an integer or a boolean");
}

// "postgres://user:secret@host/db" -> "postgres://user:***@host/db"; and password=... in
// key-value parameters.
std::string MaskDatabase(std::string url) {
  auto scheme = url.find("://");
  if (scheme != std::string::npos) {
    auto at = url.find('@', scheme + 3);
    auto colon = url.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at)
      url.replace(colon + 1, at - colon - 1, "***");
  }
  auto password = url.find("password=");
  if (password != std::string::npos) {
    auto end = url.find_first_of("& ", password);
    url.replace(password + 9, end == std::string::npos ? std::string::npos : end - password - 9,
                "***");
  }
  return url;
}

bool LooksNumericOrBool(const std::string& text) {
  if (text == "true" || text == "false")
    return true;
  return !text.empty() && std::all_of(text.begin(), text.end(), ::isdigit);
}

// Whether `key` is a setting of the server (which other commands may lack, e.g. `listen` for
// `project create`): one file serves every command.
bool IsServerSetting(const std::string& key) {
  static const std::set<std::string> keys = [] {
    CLI::App app;
    Config config;
    AddStoreOptions(app, config);
    AddServeOptions(app, config);
    std::set<std::string> names;
    for (const CLI::Option* option : app.get_options()) names.insert(option->get_single_name());
    return names;
  }();
  return keys.count(key) > 0;
}

}  // namespace

void ApplyConfigFile(CLI::App& command, const std::string& path) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw std::invalid_argument(Where(path, e.source()) + ": " + std::string(e.description()));
  }
  for (const auto& [raw_key, value] : table) {
    std::string key(raw_key.str());
    std::replace(key.begin(), key.end(), '_', '-');
    std::string where = Where(path, value.source());
    if (key == "config")
      throw std::invalid_argument(where + ": a config file cannot name another");
    CLI::Option* option = command.get_option_no_throw("--" + key);
    if (option == nullptr) {
      if (IsServerSetting(key))
        continue;  // a setting this command has no use for
      throw std::invalid_argument(where + ": unknown key \"" + std::string(raw_key.str()) + "\"");
    }
    if (option->count() > 0)
      continue;  // a flag or the environment set it: they win over the file
    std::string text = OptionText(value, where, key);
    try {
      option->add_result(text);
      option->run_callback();
    } catch (const CLI::Error& e) {
      throw std::invalid_argument(where + ": \"" + key + "\": " + e.what());
    }
  }
}

std::function<void()> WithConfigFile(CLI::App& command, const Config& config,
                                     std::function<void()> action) {
  return [&command, &config, action = std::move(action)] {
    if (!config.config_file.empty())
      ApplyConfigFile(command, config.config_file);
    action();
  };
}

std::string EffectiveSettings(const CLI::App& command, const Config& config) {
  std::string out;
  for (const CLI::Option* option : command.get_options()) {
    std::string name = option->get_single_name();
    if (name.empty() || name == "help" || name == "config" || option->get_lnames().empty())
      continue;
    std::string value;
    if (option->count() > 0) {
      for (const auto& r : option->results()) value += (value.empty() ? "" : ",") + r;
    } else {
      value = option->get_default_str();
    }
    if (name == "database")
      value = MaskDatabase(value);
    out += name + " = " + (LooksNumericOrBool(value) ? value : nlohmann::json(value).dump()) + "\n";
  }
  if (!config.secret_keys.empty())
    out += "# secret keys: given in SWITCHBOARD_SECRET_KEYS (not shown)\n";
  return out;
}

}  // namespace sb
