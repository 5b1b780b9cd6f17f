#include "cli/profile_commands.h"

#include <iostream>
#include <memory>

#include "cli/api_client.h"
#include "cli/client_output.h"

namespace sb::cli {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kProfile = "/api/relay/rest/sip_profile";

struct ProfileOptions {
  ClientOptions client;
  Json fields = Json::object();
};

void Print(const Json& profile, const ClientOptions& client) {
  if (client.json) {
    std::cout << profile.dump(2) << "\n";
  } else {
    PrintRecord(profile);
  }
}

}  // namespace

void AddProfileCommands(CLI::App& app, int& exit_code) {
  auto* profile = app.add_subcommand("profile", "The project's SIP profile on a running server");
  profile->require_subcommand(1);

  auto get_options = std::make_shared<ProfileOptions>();
  auto* get = profile->add_subcommand("get", "Show the SIP profile");
  AddClientOptions(*get, get_options->client);
  get->callback([get_options, &exit_code] {
    exit_code = RunClient([&] {
      ApiClient api(get_options->client);
      Print(api.Call("GET", kProfile), get_options->client);
    });
  });

  auto o = std::make_shared<ProfileOptions>();
  auto* set = profile->add_subcommand("set", "Change some defaults of the SIP profile");
  AddClientOptions(*set, o->client);
  auto text = [&](const char* flag, const char* key, const char* help) {
    set->add_option_function<std::string>(
        flag, [o, key](const std::string& v) { o->fields[key] = v; }, help);
  };
  auto list = [&](const char* flag, const char* key, const char* help) {
    set->add_option_function<std::string>(
        flag, [o, key](const std::string& v) { o->fields[key] = SplitList(v); }, help);
  };
  text("--domain-identifier", "domain_identifier",
       "First label of the SIP domain (renaming re-derives every digest)");
  list("--default-codecs", "default_codecs", "Comma-separated codecs");
  list("--default-ciphers", "default_ciphers", "Comma-separated SRTP ciphers");
  text("--default-encryption", "default_encryption", "required or optional");
  text("--default-send-as", "default_send_as", "An E.164 number (\"\" for random)");
  text("--default-outbound-policy", "default_outbound_policy", "passthrough or block-pstn");
  set->callback([o, &exit_code] {
    exit_code = RunClient([&] {
      if (o->fields.empty())
        throw std::runtime_error("nothing to change: give at least one setting");
      if (o->fields.contains("default_send_as") && o->fields["default_send_as"] == "")
        o->fields["default_send_as"] = nullptr;
      ApiClient api(o->client);
      Print(api.Call("PUT", kProfile, &o->fields), o->client);
    });
  });
}

}  // namespace sb::cli
