#include "storage/sqlite/sqlite_vfs.h"

#include <algorithm>
#include <list>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <sqlite3.h>

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

// Our file object, followed in the same allocation by the base VFS's (szOsFile says how much).
// SQLite allocates it 8-byte aligned and zeroed; Open fills it in.
struct File {  // 16 bytes: the base file after it stays 8-byte aligned
  sqlite3_file header;
  Gathered* gathered;  // WAL files only
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
static_assert(sizeof(File) % 8 == 0);

// One registration per base VFS and way of writing the WAL: `vfs` first, so that SQLite's
// pointer to it is one to this.
struct Registration {
  sqlite3_vfs vfs;
  sqlite3_vfs* base;
  SqliteWalWrites wal_writes;
  std::string name;
};

File* Of(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
sqlite3_file* Real(sqlite3_file* f) { return Of(f)->real(); }

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
  Gathered* gathered = Of(f)->gathered;
  if (gathered == nullptr || gathered->bytes.empty())
    return SQLITE_OK;
  int rc = WriteInPieces(f, gathered->bytes.data(), gathered->bytes.size(), gathered->at);
  gathered->bytes.clear();
  return rc;
}

int Close(sqlite3_file* f) {
  int flushed = Flush(f);
  delete Of(f)->gathered;
  Of(f)->gathered = nullptr;
  int rc = Real(f)->pMethods->xClose(Real(f));
  return flushed != SQLITE_OK ? flushed : rc;
}

int Read(sqlite3_file* f, void* out, int n, sqlite3_int64 at) {
  if (Gathered* gathered = Of(f)->gathered; gathered != nullptr && !gathered->bytes.empty() &&
                                            at < gathered->end() && at + n > gathered->at) {
    if (int rc = Flush(f); rc != SQLITE_OK)
      return rc;
  }
  return Real(f)->pMethods->xRead(Real(f), out, n, at);
}

int Write(sqlite3_file* f, const void* in, int n, sqlite3_int64 at) {
  Gathered* gathered = Of(f)->gathered;
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
  if (Of(f)->gathered == nullptr)
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

int Lock(sqlite3_file* f, int level) { return Real(f)->pMethods->xLock(Real(f), level); }
int Unlock(sqlite3_file* f, int level) { return Real(f)->pMethods->xUnlock(Real(f), level); }
int CheckReservedLock(sqlite3_file* f, int* out) {
  return Real(f)->pMethods->xCheckReservedLock(Real(f), out);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
  return Real(f)->pMethods->xFileControl(Real(f), op, arg);
}
int SectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) {
  return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
}
int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return Real(f)->pMethods->xShmMap(Real(f), region, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int remove) { return Real(f)->pMethods->xShmUnmap(Real(f), remove); }
int Fetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
  return Real(f)->pMethods->xFetch(Real(f), at, n, out);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 at, void* page) {
  return Real(f)->pMethods->xUnfetch(Real(f), at, page);
}

const sqlite3_io_methods kMethods = {
    3,
    Close,
    Read,
    Write,
    Truncate,
    Sync,
    FileSize,
    Lock,
    Unlock,
    CheckReservedLock,
    FileControl,
    SectorSize,
    DeviceCharacteristics,
    ShmMap,
    ShmLock,
    ShmBarrier,
    ShmUnmap,
    Fetch,
    Unfetch,
};

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  const auto* registration = reinterpret_cast<const Registration*>(vfs);
  sqlite3_vfs* base = registration->base;
  File* file = Of(f);
  file->header.pMethods = nullptr;
  file->gathered = nullptr;
  int rc = base->xOpen(base, name, file->real(), flags, out_flags);
  // SQLite calls xClose on a file whose pMethods is set, even after a failed open.
  if (file->real()->pMethods != nullptr) {
    file->header.pMethods = &kMethods;
    if (rc == SQLITE_OK && (flags & SQLITE_OPEN_WAL) != 0 &&
        registration->wal_writes == SqliteWalWrites::kGatheredPerCommit)
      file->gathered = new Gathered;
  }
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
  r.vfs.szOsFile = static_cast<int>(sizeof(File)) + base->szOsFile;
  r.vfs.xOpen = Open;
  if (sqlite3_vfs_register(&r.vfs, /*makeDflt=*/0) != SQLITE_OK) {
    registrations.pop_back();
    throw std::runtime_error("registering switchboard's SQLite VFS failed");
  }
  return r.name;
}

}  // namespace sb
