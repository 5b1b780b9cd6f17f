#pragma once

#include <string>
#include <vector>

namespace sb::testing {

// A loopback port of `socket_type` (SOCK_STREAM or SOCK_DGRAM) that was free a moment ago, for a
// child process that cannot report the port it bound.
int FreeLoopbackPort(int socket_type);

// `args` as execv wants them: pointers into the strings, then a null.
std::vector<char*> Argv(std::vector<std::string>& args);

}  // namespace sb::testing
