#include "storage/sqlite/sqlite_vfs.h"

#include <algorithm>
#include <list>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <sqlite3.h>

#include "storage/sqlite/sqlite_vfs_shim.h"

namespace sb {
namespace {

// Gathered appends past this are written at once: a batch of 64 creates at 1M endpoints writes
// about 1.6 MB of frames.
constexpr std::size_t kGatherBytes = 4 << 20;
// What one write to the base VFS carries at most: SQLite's unix VFS takes writes of under 128 KiB
// only (it masks the length with 0x1ffff and reports a write it cut short as SQLITE_FULL).
constexpr std::size_t kWriteBytes = 64 << 10;

// Appends to a WAL file not written yet: `bytes` belong at offset `at`.
struct Gathered {
  sqlite3_int64 at = 0;
  std::vector<char> bytes;

  sqlite3_int64 end() const { return at + static_cast<sqlite3_int64>(bytes.size()); }
};

// One registration per base VFS and way of writing the WAL: `vfs` first, so that SQLite's
// pointer to it is one to this.
struct Registration {
  sqlite3_vfs vfs;
  sqlite3_vfs* base;
  SqliteWalWrites wal_writes;
  std::string name;
};

sqlite3_file* Real(sqlite3_file* f) { return ShimReal(f); }
// What a WAL file of a kGatheredPerCommit connection holds; null for every other file.
Gathered* GatheredOf(sqlite3_file* f) { return static_cast<Gathered*>(ShimOf(f)->layer); }

// Writes `n` bytes at `at` to the base VFS's file, in pieces it takes.
int WriteInPieces(sqlite3_file* f, const char* data, std::size_t n, sqlite3_int64 at) {
  int rc = SQLITE_OK;
  for (std::size_t done = 0; done < n && rc == SQLITE_OK;) {
    std::size_t piece = std::min(kWriteBytes, n - done);
    rc = Real(f)->pMethods->xWrite(Real(f), data + done, static_cast<int>(piece),
                                   at + static_cast<sqlite3_int64>(done));
    done += piece;
  }
  return rc;
}

// Writes what `f` holds. On failure the gathered bytes are dropped all the same: the error
// reaches SQLite from the call that asked for them (a commit's sync, a read), and SQLite then
// abandons the transaction they belonged to.
int Flush(sqlite3_file* f) {
  Gathered* gathered = GatheredOf(f);
  if (gathered == nullptr || gathered->bytes.empty())
    return SQLITE_OK;
  int rc = WriteInPieces(f, gathered->bytes.data(), gathered->bytes.size(), gathered->at);
  gathered->bytes.clear();
  return rc;
}

int Close(sqlite3_file* f) {
  int flushed = Flush(f);
  delete GatheredOf(f);
  ShimOf(f)->layer = nullptr;
  int rc = Real(f)->pMethods->xClose(Real(f));
  return flushed != SQLITE_OK ? flushed : rc;
}

int Read(sqlite3_file* f, void* out, int n, sqlite3_int64 at) {
  if (Gathered* gathered = GatheredOf(f); gathered != nullptr && !gathered->bytes.empty() &&
                                          at < gathered->end() && at + n > gathered->at) {
    if (int rc = Flush(f); rc != SQLITE_OK)
      return rc;
  }
  return Real(f)->pMethods->xRead(Real(f), out, n, at);
}

int Write(sqlite3_file* f, const void* in, int n, sqlite3_int64 at) {
  Gathered* gathered = GatheredOf(f);
  const char* data = static_cast<const char*>(in);
  if (gathered == nullptr)
    return WriteInPieces(f, data, static_cast<std::size_t>(n), at);
  // A write elsewhere (SQLite rewrites a frame of its own transaction in place) goes after
  // what is held, so that the file sees the writes in SQLite's order.
  bool appends = gathered->bytes.empty() || at == gathered->end();
  if (!appends || gathered->bytes.size() + static_cast<std::size_t>(n) > kGatherBytes) {
    if (int rc = Flush(f); rc != SQLITE_OK)
      return rc;
  }
  if (static_cast<std::size_t>(n) > kWriteBytes)  // not an append SQLite makes to a WAL
    return WriteInPieces(f, data, static_cast<std::size_t>(n), at);
  if (gathered->bytes.empty())
    gathered->at = at;
  gathered->bytes.insert(gathered->bytes.end(), data, data + n);
  return SQLITE_OK;
}

int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (int rc = Flush(f); rc != SQLITE_OK)
    return rc;
  return Real(f)->pMethods->xTruncate(Real(f), size);
}

int Sync(sqlite3_file* f, int flags) {
  if (GatheredOf(f) == nullptr)
    return Real(f)->pMethods->xSync(Real(f), flags);
  if (int rc = Flush(f); rc != SQLITE_OK)
    return rc;
  // A commit's request: written is what it needs (the syncer syncs; see the header).
  if ((flags & 0x0f) != SQLITE_SYNC_FULL)
    return SQLITE_OK;
  return Real(f)->pMethods->xSync(Real(f), flags);
}

int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  if (int rc = Flush(f); rc != SQLITE_OK)
    return rc;
  return Real(f)->pMethods->xFileSize(Real(f), size);
}

const sqlite3_io_methods& Methods() {
  static const sqlite3_io_methods methods = [] {
    sqlite3_io_methods m = ForwardingIoMethods();
    m.xClose = Close;
    m.xRead = Read;
    m.xWrite = Write;
    m.xTruncate = Truncate;
    m.xSync = Sync;
    m.xFileSize = FileSize;
    return m;
  }();
  return methods;
}

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  const auto* registration = reinterpret_cast<const Registration*>(vfs);
  int rc = ShimOpen(registration->base, name, f, flags, out_flags, &Methods());
  if (rc == SQLITE_OK && (flags & SQLITE_OPEN_WAL) != 0 &&
      registration->wal_writes == SqliteWalWrites::kGatheredPerCommit)
    ShimOf(f)->layer = new Gathered;
  return rc;
}

}  // namespace

std::string SqliteVfsName(SqliteWalWrites wal_writes) {
  static std::mutex mutex;
  static std::list<Registration> registrations;  // never moved: SQLite holds pointers into them
  std::lock_guard lock(mutex);
  sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
  if (base == nullptr)
    throw std::runtime_error("SQLite has no default VFS");
  for (const Registration& r : registrations) {
    if (r.base == base && r.wal_writes == wal_writes)
      return r.name;
  }
  Registration& r = registrations.emplace_back();
  r.base = base;
  r.wal_writes = wal_writes;
  r.name = std::string(wal_writes == SqliteWalWrites::kGatheredPerCommit ? "sb_gathered_wal_over_"
                                                                         : "sb_over_") +
           base->zName;
  r.vfs = *base;
  r.vfs.pNext = nullptr;
  r.vfs.zName = r.name.c_str();
  r.vfs.szOsFile = ShimFileSize(base);
  r.vfs.xOpen = Open;
  if (sqlite3_vfs_register(&r.vfs, /*makeDflt=*/0) != SQLITE_OK) {
    registrations.pop_back();
    throw std::runtime_error("registering switchboard's SQLite VFS failed");
  }
  return r.name;
}

}  // namespace sb
