#include "cli/commands.h"

int main(int argc, char** argv) { return sb::cli::Run(argc, argv); }
