#pragma once

#include <CLI/CLI.hpp>

#include "app/config.h"

namespace sb::cli {

// `switchboard project create|list`.
void AddProjectCommands(CLI::App& app, Config& config, int& exit_code);

}  // namespace sb::cli
