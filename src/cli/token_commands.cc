#include "cli/token_commands.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/admin_context.h"
#include "domain/timestamp.h"

namespace sb::cli {
namespace {

struct TokenOptions {
  std::string project_id;
  std::string name = "cli";
  std::vector<std::string> scopes;
  std::string token_id;
  bool json = false;
};

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
  return out;
}

nlohmann::ordered_json TokenJson(const ApiToken& t) {
  nlohmann::ordered_json j = {{"id", t.id},
                              {"project_id", t.project_id},
                              {"name", t.name},
                              {"scopes", t.scopes},
                              {"created_at", FormatTimestamp(t.created_at)},
                              {"revoked_at", nullptr}};
  if (t.revoked_at)
    j["revoked_at"] = FormatTimestamp(*t.revoked_at);
  return j;
}

int Create(const Config& config, const TokenOptions& options) {
  AdminContext admin(config);
  auto issued = admin.projects.CreateToken(options.project_id, options.name, options.scopes);
  if (!issued)
    return ReportError(issued.error());
  if (options.json) {
    auto j = TokenJson(issued->token);
    j["token"] = issued->secret;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "token " << issued->token.id << " (" << Join(issued->token.scopes)
              << ") for project " << issued->token.project_id << ":\n"
              << issued->secret << "\n"
              << "It is shown only now; store it safely.\n";
  }
  return 0;
}

int List(const Config& config, const TokenOptions& options) {
  AdminContext admin(config);
  auto tokens = admin.projects.ListTokens(options.project_id);
  if (!tokens)
    return ReportError(tokens.error());
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& t : *tokens) out.push_back(TokenJson(t));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::printf("%-36s  %-16s  %-26s  %s\n", "ID", "NAME", "SCOPES", "STATE");
  for (const auto& t : *tokens) {
    std::printf("%-36s  %-16s  %-26s  %s\n", t.id.c_str(), t.name.c_str(), Join(t.scopes).c_str(),
                t.revoked_at ? "revoked" : "active");
  }
  return 0;
}

int Revoke(const Config& config, const TokenOptions& options) {
  AdminContext admin(config);
  auto revoked = admin.projects.RevokeToken(options.project_id, options.token_id);
  if (!revoked)
    return ReportError(revoked.error());
  if (options.json) {
    std::cout << nlohmann::json{{"id", options.token_id}, {"revoked", true}}.dump() << "\n";
  } else {
    std::cout << "revoked token " << options.token_id << "\n";
  }
  return 0;
}

}  // namespace

void AddTokenCommands(CLI::App& app, Config& config, int& exit_code) {
  auto options = std::make_shared<TokenOptions>();
  auto* token = app.add_subcommand("token", "Manage API tokens");
  token->require_subcommand(1);

  auto* create = token->add_subcommand("create", "Create a token (shown once)");
  create->add_option("--project", options->project_id, "Project id")->required();
  create->add_option("--name", options->name, "A label for the token")->capture_default_str();
  create
      ->add_option("--scopes", options->scopes,
                   "Comma-separated scopes among voice, messaging, fax, video (default: all)")
      ->delimiter(',');
  create->add_flag("--json", options->json, "Print JSON");
  AddStoreOptions(*create, config);
  create->callback(WithConfigFile(
      *create, config, [&config, options, &exit_code] { exit_code = Create(config, *options); }));

  auto* list = token->add_subcommand("list", "List a project's tokens (never their secrets)");
  list->add_option("--project", options->project_id, "Project id")->required();
  list->add_flag("--json", options->json, "Print JSON");
  AddStoreOptions(*list, config);
  list->callback(WithConfigFile(
      *list, config, [&config, options, &exit_code] { exit_code = List(config, *options); }));

  auto* revoke = token->add_subcommand("revoke", "Revoke a token");
  revoke->add_option("--project", options->project_id, "Project id")->required();
  revoke->add_option("token_id", options->token_id, "Token id")->required();
  revoke->add_flag("--json", options->json, "Print JSON");
  AddStoreOptions(*revoke, config);
  revoke->callback(WithConfigFile(
      *revoke, config, [&config, options, &exit_code] { exit_code = Revoke(config, *options); }));
}

}  // namespace sb::cli
