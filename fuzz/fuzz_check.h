#pragma once

#include <cstdio>
#include <cstdlib>

// An invariant of a fuzz target: a violation aborts, which libFuzzer and the replay test both
// report as a failure with the input that caused it.
#define FUZZ_CHECK(condition)                                                                \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)
