#include "storage/sqlite/wal_sync_vfs.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include <sqlite3.h>

#include "storage/sqlite/sqlite_vfs_shim.h"

namespace sb::testing {
namespace {

// What the VFS saw, shared by every file it opened (one WalSyncVfs at a time).
struct State {
  std::mutex mutex;
  std::condition_variable changed;
  std::uint64_t file_reads = 0;
  std::uint64_t wal_writes = 0;
  std::uint64_t synced = 0;
  bool fail_syncs = false;
  bool fail_wal_writes = false;
  enum class Hold { kNone, kArmed, kHolding } hold = Hold::kNone;
};

State* state = nullptr;
sqlite3_vfs* base = nullptr;
sqlite3_vfs vfs;

// A WAL file's layer state points here; other files have none.
char wal_tag;
bool IsWal(sqlite3_file* f) { return ShimOf(f)->layer == &wal_tag; }
sqlite3_file* Real(sqlite3_file* f) { return ShimReal(f); }

int Read(sqlite3_file* f, void* out, int n, sqlite3_int64 at) {
  {
    std::lock_guard lock(state->mutex);
    ++state->file_reads;
  }
  return Real(f)->pMethods->xRead(Real(f), out, n, at);
}
int Write(sqlite3_file* f, const void* in, int n, sqlite3_int64 at) {
  if (IsWal(f)) {
    std::lock_guard lock(state->mutex);
    if (state->fail_wal_writes)
      return SQLITE_IOERR_WRITE;
  }
  int rc = Real(f)->pMethods->xWrite(Real(f), in, n, at);
  if (IsWal(f) && rc == SQLITE_OK) {
    std::lock_guard lock(state->mutex);
    ++state->wal_writes;
  }
  return rc;
}
int Sync(sqlite3_file* f, int flags) {
  if (!IsWal(f))
    return Real(f)->pMethods->xSync(Real(f), flags);
  std::uint64_t covers = 0;
  {
    std::unique_lock lock(state->mutex);
    if (state->hold == State::Hold::kArmed) {
      state->hold = State::Hold::kHolding;
      state->changed.notify_all();
      state->changed.wait(lock, [] { return state->hold != State::Hold::kHolding; });
    }
    if (state->fail_syncs)
      return SQLITE_IOERR_FSYNC;
    covers = state->wal_writes;
  }
  int rc = Real(f)->pMethods->xSync(Real(f), flags);
  if (rc == SQLITE_OK) {
    std::lock_guard lock(state->mutex);
    state->synced = std::max(state->synced, covers);
  }
  return rc;
}

const sqlite3_io_methods& Methods() {
  static const sqlite3_io_methods methods = [] {
    sqlite3_io_methods m = ForwardingIoMethods();
    m.xRead = Read;
    m.xWrite = Write;
    m.xSync = Sync;
    return m;
  }();
  return methods;
}

int Open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  int rc = ShimOpen(base, name, f, flags, out_flags, &Methods());
  if (rc == SQLITE_OK && (flags & SQLITE_OPEN_WAL) != 0)
    ShimOf(f)->layer = &wal_tag;
  return rc;
}

}  // namespace

WalSyncVfs::WalSyncVfs() {
  if (state != nullptr)
    throw std::logic_error("one WalSyncVfs at a time");
  if (sqlite3_initialize() != SQLITE_OK)
    throw std::runtime_error("sqlite3_initialize failed");
  base = sqlite3_vfs_find(nullptr);
  state = new State;
  vfs = *base;
  vfs.pNext = nullptr;
  vfs.zName = "sb_wal_sync";
  vfs.szOsFile = ShimFileSize(base);
  vfs.xOpen = Open;
  sqlite3_vfs_register(&vfs, /*makeDflt=*/1);
}

WalSyncVfs::~WalSyncVfs() {
  sqlite3_vfs_unregister(&vfs);
  sqlite3_vfs_register(base, /*makeDflt=*/1);
  delete state;
  state = nullptr;
}

std::uint64_t WalSyncVfs::file_reads() const {
  std::lock_guard lock(state->mutex);
  return state->file_reads;
}

std::uint64_t WalSyncVfs::wal_writes() const {
  std::lock_guard lock(state->mutex);
  return state->wal_writes;
}

std::uint64_t WalSyncVfs::synced_wal_writes() const {
  std::lock_guard lock(state->mutex);
  return state->synced;
}

void WalSyncVfs::FailSyncs(bool fail) {
  std::lock_guard lock(state->mutex);
  state->fail_syncs = fail;
}

void WalSyncVfs::FailWalWrites(bool fail) {
  std::lock_guard lock(state->mutex);
  state->fail_wal_writes = fail;
}

void WalSyncVfs::HoldNextSync() {
  std::lock_guard lock(state->mutex);
  state->hold = State::Hold::kArmed;
}

bool WalSyncVfs::WaitForHeldSync(int timeout_ms) {
  std::unique_lock lock(state->mutex);
  return state->changed.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                                 [] { return state->hold == State::Hold::kHolding; });
}

void WalSyncVfs::ReleaseHeldSync() {
  {
    std::lock_guard lock(state->mutex);
    state->hold = State::Hold::kNone;
  }
  state->changed.notify_all();
}

}  // namespace sb::testing
