#pragma once

#include <CLI/CLI.hpp>

#include "app/config.h"

namespace sb::cli {

// `switchboard token create|list|revoke`.
void AddTokenCommands(CLI::App& app, Config& config, int& exit_code);

}  // namespace sb::cli
