#include "graph/lmdb.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"

namespace fs = std::filesystem;

namespace ng::graph::lmdb {

namespace {

// Address space reserved for the map, not disk: LMDB grows data.mdb as it
// writes. 1 TiB is far more than a laptop's disk holds; an in-memory store
// (a temporary file) reserves less, since a program may hold several.
constexpr std::size_t kMapSize = std::size_t{1} << 40;
constexpr std::size_t kTemporaryMapSize = std::size_t{1} << 38;

// Env::limit_mapped_pages: the reads between two looks at /proc/self/statm
// (a look costs ~3 µs; one read maps at most ~1 MB, so a check every 256
// reads overshoots the budget by at most ~256 MB, and by a few MB for
// sequential reads). Without statm (no /proc), the map is released every
// 2^18 reads, as before.
constexpr std::size_t kReadsPerCheck = 256;
constexpr std::size_t kReadsPerBlindRelease = std::size_t{1} << 18;

std::string reason(int rc) {
  switch (rc) {
    case ENOSPC: return "the disk is full";
    case EACCES: return "permission denied";
    case EROFS: return "the file system is read-only";
    case MDB_CORRUPTED:
    case MDB_PAGE_NOTFOUND:
    case MDB_INVALID:
      return fmt::format("{} (the store is damaged: run `newsgraph check`)", mdb_strerror(rc));
    case MDB_MAP_FULL: return "the store reached the size newsgraph maps for it (1 TiB; 256 GiB in memory)";
    default: return mdb_strerror(rc);
  }
}

// One environment per directory per process (see lmdb.hpp).
std::mutex& registry_mutex() {
  static std::mutex mutex;
  return mutex;
}
std::map<std::string, std::weak_ptr<Env>>& registry() {
  static std::map<std::string, std::weak_ptr<Env>> envs;
  return envs;
}

fs::path temporary_directory() {
  static std::mt19937_64 random{std::random_device{}()};
  std::error_code error;
  fs::path base = fs::temp_directory_path(error);
  if (error) base = "/tmp";
  return base / fmt::format("newsgraph-memory-{}-{:016x}", ::getpid(), random());
}

// LMDB maps the data file and trusts it: pages past the end of a truncated
// file would be read as zeros or fault. The last committed page must be
// inside the file, or the store is refused (a truncated copy or a disk
// that lost the tail of the file) instead of answering with wrong counts.
void check_length(const Env& env, const fs::path& data) {
  MDB_envinfo info{};
  MDB_stat stat{};
  check(mdb_env_info(env.get(), &info), "cannot read its size", env.where());
  check(mdb_env_stat(env.get(), &stat), "cannot read its size", env.where());
  const auto needed = static_cast<std::uintmax_t>(info.me_last_pgno + 1) * stat.ms_psize;
  std::error_code error;
  const std::uintmax_t length = fs::file_size(data, error);
  if (error) fail(EIO, "cannot read the size of data.mdb", env.where());
  if (length < needed) {
    throw StoreError(fmt::format("store {} is damaged: data.mdb has {} bytes but its last commit needs {}: the "
                                 "file was truncated (restore it from a backup, or build the store again)",
                                 env.where(), length, needed));
  }
}

}  // namespace

void fail(int rc, std::string_view what, const std::string& where) {
  throw StoreError(fmt::format("store {}: {}: {}", where, what, reason(rc)));
}

namespace {

// Where LMDB mapped the data file. LMDB does not say (mdb_env_info's
// me_mapaddr is only set for MDB_FIXEDMAP maps), so the process's map list
// is searched for the file's device and inode; the map stays where it is
// for the environment's life.
void find_map(Env& env) {
  mdb_filehandle_t fd{};
  struct stat file {};
  if (mdb_env_get_fd(env.get(), &fd) != MDB_SUCCESS || ::fstat(fd, &file) != 0) return;
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    // start-end perms offset major:minor inode path
    unsigned long long start = 0, end = 0, offset = 0, inode = 0;
    unsigned major_id = 0, minor_id = 0;
    char perms[8] = {};
    if (std::sscanf(line.c_str(), "%llx-%llx %7s %llx %x:%x %llu", &start, &end, perms, &offset, &major_id, &minor_id,
                    &inode) != 7) {
      continue;
    }
    if (inode != file.st_ino || major_id != major(file.st_dev) || minor_id != minor(file.st_dev) || offset != 0) {
      continue;
    }
    env.set_map(reinterpret_cast<void*>(start), static_cast<std::size_t>(end - start));
    return;
  }
}

}  // namespace

std::shared_ptr<Env> Env::open(const EnvOptions& options) {
  const int pid = static_cast<int>(::getpid());
  std::string key;
  if (!options.temporary) {
    std::error_code error;
    key = fs::weakly_canonical(options.directory, error).string();
    if (error) key = fs::absolute(options.directory).string();
    const std::lock_guard lock(registry_mutex());
    if (auto it = registry().find(key); it != registry().end()) {
      std::shared_ptr<Env> env = it->second.lock();
      // A forked child must not use its parent's environment.
      if (env && env->pid_ == pid && (env->writable_ || !options.writable)) return env;
    }
  }

  std::shared_ptr<Env> env(new Env());
  env->pid_ = pid;
  env->temporary_ = options.temporary;
  env->writable_ = options.writable || options.temporary;
  env->where_ = options.temporary ? std::string("(in memory)") : options.directory.string();
  check(mdb_env_create(&env->env_), "cannot create the LMDB environment", env->where_);
  check(mdb_env_set_maxdbs(env->env_, 12), "cannot configure LMDB", env->where_);
  check(mdb_env_set_mapsize(env->env_, options.temporary ? kTemporaryMapSize : kMapSize), "cannot configure LMDB",
        env->where_);

  unsigned flags = MDB_NOTLS;
  fs::path directory = options.directory;
  if (options.temporary) {
    directory = temporary_directory();
    fs::create_directories(directory);
    flags |= MDB_NOSYNC | MDB_NOLOCK;
  } else if (!env->writable_) {
    flags |= MDB_RDONLY;
  }
  int rc = mdb_env_open(env->env_, directory.c_str(), flags, 0644);
  if (rc == EACCES && !env->writable_ && !options.temporary) {
    // A store the user may read but not write (no access to lock.mdb):
    // read without LMDB's reader table. Nobody can write it meanwhile
    // unless its owner builds into it at the same time.
    spdlog::debug("store {}: opening without LMDB's lock file (read-only)", env->where_);
    rc = mdb_env_open(env->env_, directory.c_str(), flags | MDB_NOLOCK, 0644);
  }
  if (options.temporary) {
    std::error_code ignored;
    fs::remove_all(directory, ignored);  // the open files stay usable
  }
  if (rc != MDB_SUCCESS) {
    mdb_env_close(env->env_);
    env->env_ = nullptr;
    fail(rc, "cannot open the LMDB files", env->where_);
  }
  if (!options.temporary) check_length(*env, directory / "data.mdb");
  find_map(*env);
  env->mapped_budget_ = options.mapped_budget;
  env->statm_fd_ = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  env->mapped_after_release_ = env->mapped_file_bytes();
  if (env->writable_ && !options.temporary) {
    // Reader slots of processes that died (kill -9) would keep the pages
    // of old snapshots from being reused.
    int dead = 0;
    mdb_reader_check(env->env_, &dead);
    if (dead > 0) spdlog::debug("store {}: cleared {} stale reader slots", env->where_, dead);
  }
  if (!options.temporary) {
    const std::lock_guard lock(registry_mutex());
    registry()[key] = env;
  }
  return env;
}

Env::~Env() {
  // An environment inherited through fork() belongs to the parent.
  if (env_ != nullptr && pid_ == static_cast<int>(::getpid())) mdb_env_close(env_);
  if (statm_fd_ >= 0) ::close(statm_fd_);
}

long Env::mapped_file_bytes() const noexcept {
  if (statm_fd_ < 0) return -1;
  char text[160];
  const ssize_t n = ::pread(statm_fd_, text, sizeof text - 1, 0);
  if (n <= 0) return -1;
  text[n] = '\0';
  // "size resident shared ...", in pages; `shared` is RssFile + RssShmem.
  unsigned long size = 0, resident = 0, shared = 0;
  if (std::sscanf(text, "%lu %lu %lu", &size, &resident, &shared) != 3) return -1;
  return static_cast<long>(shared) * ::sysconf(_SC_PAGESIZE);
}

void Env::limit_mapped_pages(std::size_t reads) const noexcept {
  if (map_address_ == nullptr) return;
  const std::size_t since_release = reads_since_release_.fetch_add(reads, std::memory_order_relaxed) + reads;
  if (reads_since_check_.fetch_add(reads, std::memory_order_relaxed) + reads < kReadsPerCheck) return;
  reads_since_check_.store(0, std::memory_order_relaxed);
  const long mapped = mapped_file_bytes();
  const bool over = mapped < 0 ? since_release >= kReadsPerBlindRelease
                               : mapped - mapped_after_release_.load(std::memory_order_relaxed) > mapped_budget_;
  if (over) release_mapped_pages();
}

void Env::release_mapped_pages() const noexcept {
  if (map_address_ == nullptr) return;
  // The file's length, not the last committed page: a build is one write
  // transaction, and the pages LMDB spills to the file before its commit
  // are read back through the map too.
  mdb_filehandle_t fd{};
  struct stat file {};
  if (mdb_env_get_fd(env_, &fd) != MDB_SUCCESS || ::fstat(fd, &file) != 0 || file.st_size <= 0) return;
  const std::size_t length = std::min(static_cast<std::size_t>(file.st_size), map_length_);
  // A shared, read-only file mapping: MADV_DONTNEED only unmaps.
  ::madvise(map_address_, length, MADV_DONTNEED);
  reads_since_release_.store(0, std::memory_order_relaxed);
  releases_.fetch_add(1, std::memory_order_relaxed);
  mapped_after_release_.store(mapped_file_bytes(), std::memory_order_relaxed);
}

Txn::Txn(const Env& env, bool write, MDB_txn* parent) : where_(env.where()) {
  check(mdb_txn_begin(env.get(), parent, write ? 0U : MDB_RDONLY, &txn_),
        write ? "cannot begin a write transaction" : "cannot begin a read transaction", where_);
}

Txn::Txn(Txn&& other) noexcept : txn_(std::exchange(other.txn_, nullptr)), where_(std::move(other.where_)) {}

Txn& Txn::operator=(Txn&& other) noexcept {
  if (this != &other) {
    abort();
    txn_ = std::exchange(other.txn_, nullptr);
    where_ = std::move(other.where_);
  }
  return *this;
}

void Txn::commit() {
  MDB_txn* txn = std::exchange(txn_, nullptr);
  if (txn != nullptr) check(mdb_txn_commit(txn), "cannot commit", where_);
}

void Txn::abort() noexcept {
  if (txn_ != nullptr) mdb_txn_abort(std::exchange(txn_, nullptr));
}

Cursor::Cursor(MDB_txn* txn, MDB_dbi dbi, const std::string& where) {
  check(mdb_cursor_open(txn, dbi, &cursor_), "cannot open a cursor", where);
}

Cursor& Cursor::operator=(Cursor&& other) noexcept {
  if (this != &other) {
    close();
    cursor_ = std::exchange(other.cursor_, nullptr);
  }
  return *this;
}

int Cursor::step(MDB_val* key, MDB_val* data, MDB_cursor_op op, const std::string& where) {
  const int rc = mdb_cursor_get(cursor_, key, data, op);
  if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) fail(rc, "cannot read", where);
  return rc;
}

void Cursor::close() noexcept {
  if (cursor_ != nullptr) mdb_cursor_close(std::exchange(cursor_, nullptr));
}

}  // namespace ng::graph::lmdb
