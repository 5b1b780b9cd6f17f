#pragma once

#include <string>

namespace sb::cli {

// A SIP password for a command, never from the command line (it would show in `ps` and in shell
// history): the first line of stdin when `from_stdin`, else typed at the terminal without echo
// (twice, to catch typos). Throws std::runtime_error when there is no terminal to ask on, or the
// two entries differ, or the input is empty.
std::string ReadPassword(bool from_stdin);

}  // namespace sb::cli
