#pragma once

#include <CLI/CLI.hpp>

namespace sb::cli {

// `switchboard copy --from DATABASE --to DATABASE`: moves a whole store (typically a SQLite file
// to PostgreSQL, when one machine is no longer enough), verified by counts.
void AddCopyCommand(CLI::App& app, int& exit_code);

}  // namespace sb::cli
