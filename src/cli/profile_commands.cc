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
      PrintResult(api.Call("GET", kProfile), get_options->client.json);
    });
  });

  auto o = std::make_shared<ProfileOptions>();
  auto* set = profile->add_subcommand("set", "Change some defaults of the SIP profile");
  AddClientOptions(*set, o->client);
  std::shared_ptr<Json> fields(o, &o->fields);
  auto text = [&](const char* flag, const char* key, const char* help) {
    AddFieldOption(*set, flag, key, fields, /*list=*/false, help);
  };
  auto list = [&](const char* flag, const char* key, const char* help) {
    AddFieldOption(*set, flag, key, fields, /*list=*/true, help);
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
      PrintResult(api.Call("PUT", kProfile, &o->fields), o->client.json);
    });
  });
}

}  // namespace sb::cli
