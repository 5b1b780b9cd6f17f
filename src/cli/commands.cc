#include "cli/commands.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "app/config.h"
#include "app/serve_command.h"
#include "cli/admin_context.h"
#include "cli/copy_command.h"
#include "cli/endpoint_commands.h"
#include "cli/profile_commands.h"
#include "cli/project_commands.h"
#include "cli/token_commands.h"

namespace sb::cli {

int ReportError(const Error& error) {
  std::string message;
  for (const auto& f : error.fields) message += (message.empty() ? "" : "; ") + f.message;
  if (message.empty()) {
    switch (error.code) {
      case ErrorCode::kNotFound:
        message = "not found";
        break;
      case ErrorCode::kUnavailable:
        message = "the store is unavailable: " + error.internal;
        break;
      default:
        message = error.internal.empty() ? "internal error" : error.internal;
    }
  }
  std::cerr << "switchboard: " << message << "\n";
  return error.code == ErrorCode::kUnavailable ? 75 : 1;  // 75: EX_TEMPFAIL
}

namespace {

int CheckConfig(const CLI::App& command, const Config& config) {
  if (config.config_file.empty()) {
    std::cerr << "switchboard: config check needs --config FILE\n";
    return 2;
  }
  ParseListen(config.listen);  // throws with the reason
  std::cout << "# " << config.config_file << ": valid\n" << EffectiveSettings(command, config);
  return 0;
}

}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{"switchboard: SIP endpoints with SignalWire's REST API", "switchboard"};
  app.require_subcommand(1);
  Config config;
  int exit_code = 0;

  auto* serve = app.add_subcommand("serve", "Serve the API");
  AddStoreOptions(*serve, config);
  AddServeOptions(*serve, config);
  serve->callback(WithConfigFile(*serve, config, [&] { exit_code = RunServe(config); }));

  auto* config_command = app.add_subcommand("config", "Configuration files");
  config_command->require_subcommand(1);
  auto* check = config_command->add_subcommand(
      "check", "Validate a --config file and print the effective settings (secrets masked)");
  AddStoreOptions(*check, config);
  AddServeOptions(*check, config);
  check->callback(WithConfigFile(*check, config, [&] { exit_code = CheckConfig(*check, config); }));

  AddProjectCommands(app, config, exit_code);
  AddTokenCommands(app, config, exit_code);
  AddEndpointCommands(app, exit_code);
  AddProfileCommands(app, exit_code);
  AddCopyCommand(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "switchboard: " << e.what() << "\n";
    return 1;
  }
  return exit_code;
}

}  // namespace sb::cli
