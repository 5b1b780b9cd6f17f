#pragma once

namespace sb::cli {

// Parses the command line and runs the chosen subcommand; returns the process exit code.
int Run(int argc, char** argv);

}  // namespace sb::cli
