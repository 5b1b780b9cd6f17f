#include "cli/endpoint_commands.h"

#include <iostream>
#include <memory>

#include "cli/api_client.h"
#include "cli/client_output.h"
#include "cli/password_input.h"

namespace sb::cli {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kEndpoints = "/api/relay/rest/endpoints/sip";

struct EndpointOptions {
  ClientOptions client;
  std::string id;
  // list
  std::string username_filter;
  std::string caller_id_filter;
  int page_size = 50;
  bool all = false;
  // create, update
  Json fields = Json::object();
  bool password_stdin = false;
  bool new_password = false;
};

// --set KEY=VALUE: null, true, false, numbers, arrays and objects as JSON; anything else a string.
void SetField(Json& fields, const std::string& assignment) {
  auto equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0)
    throw CLI::ValidationError("--set", "expects KEY=VALUE, got \"" + assignment + "\"");
  std::string key = assignment.substr(0, equals);
  std::string value = assignment.substr(equals + 1);
  auto parsed = Json::parse(value, nullptr, /*allow_exceptions=*/false);
  bool literal = !parsed.is_discarded() && !parsed.is_string();
  fields[key] = literal ? parsed : Json(value);
}

// The options that become fields of a create or update body.
void AddFieldOptions(CLI::App& command, const std::shared_ptr<EndpointOptions>& o) {
  std::shared_ptr<Json> fields(o, &o->fields);
  auto text = [&](const char* flag, const char* key, const char* help) {
    AddFieldOption(command, flag, key, fields, /*list=*/false, help);
  };
  auto list = [&](const char* flag, const char* key, const char* help) {
    AddFieldOption(command, flag, key, fields, /*list=*/true, help);
  };
  text("--username", "username", "SIP username");
  text("--caller-id", "caller_id", "Caller id name");
  text("--send-as", "send_as", "random, or an E.164 number");
  list("--codecs", "codecs", "Comma-separated codecs, in order of preference (\"\": inherit)");
  list("--ciphers", "ciphers", "Comma-separated SRTP ciphers (\"\": inherit)");
  text("--encryption", "encryption", "default, required or optional");
  text("--call-handler", "call_handler", "default, passthrough, block-pstn, resource, ...");
  command.add_option_function<std::vector<std::string>>(
      "--set",
      [o](const std::vector<std::string>& all) {
        for (const auto& a : all) SetField(o->fields, a);
      },
      "Any other field, as KEY=VALUE (repeatable; VALUE null clears it)");
  command.add_flag("--password-stdin", o->password_stdin,
                   "Read the SIP password from the first line of stdin");
}

void List(const EndpointOptions& o) {
  ApiClient api(o.client);
  std::string query = "?page_size=" + std::to_string(o.page_size);
  if (!o.username_filter.empty())
    query += "&filter_username=" + Encode(o.username_filter);
  if (!o.caller_id_filter.empty())
    query += "&filter_caller_id=" + Encode(o.caller_id_filter);
  Json rows = Json::array();
  std::string next = std::string(kEndpoints) + query;
  Json page;
  while (!next.empty()) {
    page = api.Call("GET", next);
    for (auto& row : page["data"]) rows.push_back(std::move(row));
    const Json& links = page["links"];
    next = o.all && links.contains("next") && links["next"].is_string()
               ? links["next"].get<std::string>()
               : "";
  }
  if (o.client.json) {
    std::cout << rows.dump(2) << "\n";
    return;
  }
  std::vector<std::vector<std::string>> table;
  for (const auto& r : rows) {
    table.push_back({Cell(r["id"]), Cell(r["username"]), Cell(r["caller_id"]),
                     Cell(r["call_handler"]), Cell(r["created_at"])});
  }
  PrintTable({"ID", "USERNAME", "CALLER ID", "CALL HANDLER", "CREATED"}, table);
  if (!o.all && page["links"].contains("next"))
    std::cout << "(more: --all lists every page)\n";
}

}  // namespace

void AddEndpointCommands(CLI::App& app, int& exit_code) {
  auto* endpoints = app.add_subcommand("endpoints", "SIP endpoints of a running server (client)");
  endpoints->require_subcommand(1);

  auto list_options = std::make_shared<EndpointOptions>();
  auto* list = endpoints->add_subcommand("list", "List endpoints, newest first");
  AddClientOptions(*list, list_options->client);
  list->add_option("--username", list_options->username_filter, "Usernames containing this");
  list->add_option("--caller-id", list_options->caller_id_filter, "Caller ids containing this");
  list->add_option("--page-size", list_options->page_size, "Endpoints per request")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  list->add_flag("--all", list_options->all, "Follow links.next to the last page");
  list->callback(
      [list_options, &exit_code] { exit_code = RunClient([&] { List(*list_options); }); });

  auto get_options = std::make_shared<EndpointOptions>();
  auto* get = endpoints->add_subcommand("get", "Show one endpoint");
  AddClientOptions(*get, get_options->client);
  get->add_option("id", get_options->id, "Endpoint id")->required();
  get->callback([get_options, &exit_code] {
    exit_code = RunClient([&] {
      ApiClient api(get_options->client);
      PrintResult(api.Call("GET", std::string(kEndpoints) + "/" + Encode(get_options->id)),
                  get_options->client.json);
    });
  });

  auto create_options = std::make_shared<EndpointOptions>();
  auto* create = endpoints->add_subcommand(
      "create", "Create an endpoint; the password is prompted for, or read with --password-stdin");
  AddClientOptions(*create, create_options->client);
  AddFieldOptions(*create, create_options);
  create->callback([create_options, &exit_code] {
    exit_code = RunClient([&] {
      auto& o = *create_options;
      if (!o.fields.contains("username"))
        throw std::runtime_error("--username is required");
      o.fields["password"] = ReadPassword(o.password_stdin);
      ApiClient api(o.client);
      PrintResult(api.Call("POST", kEndpoints, &o.fields), o.client.json);
    });
  });

  auto update_options = std::make_shared<EndpointOptions>();
  auto* update = endpoints->add_subcommand("update", "Change some fields of an endpoint");
  AddClientOptions(*update, update_options->client);
  update->add_option("id", update_options->id, "Endpoint id")->required();
  AddFieldOptions(*update, update_options);
  update->add_flag("--new-password", update_options->new_password, "Prompt for a new SIP password");
  update->callback([update_options, &exit_code] {
    exit_code = RunClient([&] {
      auto& o = *update_options;
      if (o.password_stdin || o.new_password)
        o.fields["password"] = ReadPassword(o.password_stdin);
      if (o.fields.empty())
        throw std::runtime_error("nothing to change: give at least one field");
      ApiClient api(o.client);
      PrintResult(api.Call("PUT", std::string(kEndpoints) + "/" + Encode(o.id), &o.fields),
                  o.client.json);
    });
  });

  auto delete_options = std::make_shared<EndpointOptions>();
  auto* remove = endpoints->add_subcommand("delete", "Delete an endpoint (it deregisters at once)");
  AddClientOptions(*remove, delete_options->client);
  remove->add_option("id", delete_options->id, "Endpoint id")->required();
  remove->callback([delete_options, &exit_code] {
    exit_code = RunClient([&] {
      ApiClient api(delete_options->client);
      api.Call("DELETE", std::string(kEndpoints) + "/" + Encode(delete_options->id));
      if (delete_options->client.json) {
        std::cout << Json{{"id", delete_options->id}, {"deleted", true}}.dump() << "\n";
      } else {
        std::cout << "deleted endpoint " << delete_options->id << "\n";
      }
    });
  });
}

}  // namespace sb::cli
