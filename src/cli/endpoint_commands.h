#pragma once

#include <CLI/CLI.hpp>

namespace sb::cli {

// `switchboard endpoints list|get|create|update|delete`: a client of a running server's Relay
// endpoint API, with tables for people and --json for scripts.
void AddEndpointCommands(CLI::App& app, int& exit_code);

}  // namespace sb::cli
