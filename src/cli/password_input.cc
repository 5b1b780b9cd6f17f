#include "cli/password_input.h"

#include <cstdio>
#include <iostream>
#include <stdexcept>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace sb::cli {
namespace {

// Reads one line from the controlling terminal with echo off.
std::string Prompt(int tty, const char* question) {
  ::write(tty, question, std::char_traits<char>::length(question));
  termios saved{};
  tcgetattr(tty, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(tty, TCSAFLUSH, &quiet);
  std::string line;
  char c;
  while (::read(tty, &c, 1) == 1 && c != '\n') line += c;
  tcsetattr(tty, TCSAFLUSH, &saved);
  ::write(tty, "\n", 1);
  return line;
}

}  // namespace

std::string ReadPassword(bool from_stdin) {
  std::string password;
  if (from_stdin) {
    std::getline(std::cin, password);
  } else {
    int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0)
      throw std::runtime_error("no terminal to ask for the password on: use --password-stdin");
    password = Prompt(tty, "SIP password: ");
    std::string again = Prompt(tty, "Again: ");
    ::close(tty);
    if (password != again)
      throw std::runtime_error("the two passwords differ");
  }
  if (!password.empty() && password.back() == '\r')
    password.pop_back();
  if (password.empty())
    throw std::runtime_error("empty password");
  return password;
}

}  // namespace sb::cli
