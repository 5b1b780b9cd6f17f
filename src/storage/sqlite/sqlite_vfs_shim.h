#pragma once

#include <sqlite3.h>

namespace sb {

// The pieces of a SQLite VFS layered over another one (the store's own VFS, and the tests'
// counting one): its files are a ShimFile followed, in the same allocation, by the base VFS's
// file, and each of its methods does its part and calls the base file's.

struct ShimFile {
  sqlite3_file header;  // pMethods: the layer's methods, once the base file is open
  void* layer;          // the layer's own state for this file, or null
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
static_assert(sizeof(ShimFile) % 8 == 0, "the base file after it must stay 8-byte aligned");

inline ShimFile* ShimOf(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f); }
inline sqlite3_file* ShimReal(sqlite3_file* f) { return ShimOf(f)->real(); }

// What a layer's VFS sets as szOsFile over `base`.
int ShimFileSize(const sqlite3_vfs* base);

// Opens `name` with `base` into `f`'s base file. The layer's `methods` are set whenever the base
// file has methods (SQLite calls xClose on such a file even after a failed open); `layer` starts
// null.
int ShimOpen(sqlite3_vfs* base, const char* name, sqlite3_file* f, int flags, int* out_flags,
             const sqlite3_io_methods* methods);

// Methods that only call the base file's: a layer copies them and replaces the ones it changes.
const sqlite3_io_methods& ForwardingIoMethods();

}  // namespace sb
