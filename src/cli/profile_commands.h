#pragma once

#include <CLI/CLI.hpp>

namespace sb::cli {

// `switchboard profile get|set`: the project's SIP profile on a running server (client).
void AddProfileCommands(CLI::App& app, int& exit_code);

}  // namespace sb::cli
