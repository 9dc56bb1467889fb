#pragma once
// A thin layer over LMDB (liblmdb 0.9.24): the environment, transactions
// and cursors as owning handles, and LMDB's return codes turned into
// StoreError messages that name the store. Only graph/quad_store* and the
// store checker include it.
//
// LMDB's rules that shape newsgraph's store (lmdb.h, "Caveats"):
// - One environment per data file per process: opening it twice breaks
//   its fcntl() locks. Environments are shared through Env::open, which
//   keeps one per directory per process (and never reuses one across a
//   fork(): a forked child opens its own).
// - A write transaction is begun and ended on the same thread (it holds
//   LMDB's writer mutex). Read transactions are opened with MDB_NOTLS, so
//   they are not tied to a thread.
// - Cursors belong to one transaction and die with it.

#include <lmdb.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace ng::graph::lmdb {

// Throws StoreError "store PATH: WHAT: LMDB's reason" (with a plainer
// reason for the codes users meet: a full disk, a damaged file).
[[noreturn]] void fail(int rc, std::string_view what, const std::string& where);
inline void check(int rc, std::string_view what, const std::string& where) {
  if (rc != MDB_SUCCESS) fail(rc, what, where);
}

inline MDB_val val(const void* data, std::size_t size) { return MDB_val{size, const_cast<void*>(data)}; }
inline MDB_val val(std::string_view s) { return val(s.data(), s.size()); }
inline std::string_view view(const MDB_val& v) { return {static_cast<const char*>(v.mv_data), v.mv_size}; }

struct EnvOptions {
  std::filesystem::path directory;  // holds data.mdb and lock.mdb
  bool writable = false;
  // Temporary: the files are unlinked right after opening (an in-memory
  // store that lives in the page cache), no fsync, no lock file.
  bool temporary = false;
  // The map's resident pages allowed past what the last release left
  // (Env::limit_mapped_pages); the first open of a directory sets it.
  long mapped_budget = long{256} << 20;
};

class Env {
 public:
  // The process's environment for `options.directory`, opened on first use.
  // Throws StoreError.
  static std::shared_ptr<Env> open(const EnvOptions& options);
  ~Env();
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;

  MDB_env* get() const noexcept { return env_; }
  const std::string& where() const noexcept { return where_; }
  bool writable() const noexcept { return writable_; }
  bool temporary() const noexcept { return temporary_; }
  // Drops the map's pages from this process's page tables (they stay in
  // the page cache; the next read maps them again). A build or an export
  // reads the whole file through the map, which would otherwise count all
  // of it as resident memory of the process.
  void release_mapped_pages() const noexcept;
  // Keeps the map's resident pages within a budget (EnvOptions): the caller
  // counts the reads it made through the map (a term looked up, an index
  // entry written, a key of an index walked), and every few hundred of them the process's
  // resident file pages are read from /proc/self/statm; past the budget, the
  // map's pages are released. A read fault maps far more than the page it
  // touched (the kernel maps the neighbouring cached pages around it, and
  // the whole large folio the page cache holds it in: up to 1 MB on this
  // ext4), so scattered reads map the file hundreds of times faster than
  // they read it, and a release every fixed number of reads either comes
  // too late (a 100,000-article build mapped up to 2.5 GB between two
  // releases every 262,144 quads) or, for sequential reads, far too often.
  void limit_mapped_pages(std::size_t reads = 1) const noexcept;
  // The process's resident pages of mapped files, in bytes (-1: unknown).
  long mapped_file_bytes() const noexcept;
  // How many times the map's pages were released.
  std::size_t releases() const noexcept { return releases_.load(std::memory_order_relaxed); }
  void set_map(void* address, std::size_t length) noexcept {
    map_address_ = address;
    map_length_ = length;
  }

  // The named databases newsgraph keeps (opened once, in the first write
  // transaction for a new store).
  MDB_dbi meta = 0, terms = 0, term_hashes = 0, spog = 0, posg = 0, ospg = 0, gspo = 0, sources = 0;
  // The side tables (quad_store_side.cpp); 0 when a store opened read-only
  // was written by a newsgraph that had none.
  MDB_dbi side = 0;
  bool dbs_open = false;

 private:
  Env() = default;
  MDB_env* env_ = nullptr;
  std::string where_;
  bool writable_ = false;
  bool temporary_ = false;
  int pid_ = 0;
  void* map_address_ = nullptr;  // the data file's map (nullptr: not found)
  std::size_t map_length_ = 0;
  int statm_fd_ = -1;  // /proc/self/statm, read with pread
  long mapped_budget_ = 0;
  mutable std::atomic<std::size_t> releases_{0};
  // Reads counted since the last look at statm, and the resident file
  // pages (bytes) right after the last release: the libraries, the models
  // and what the release could not drop, which the budget does not count.
  mutable std::atomic<std::size_t> reads_since_check_{0};
  mutable std::atomic<std::size_t> reads_since_release_{0};
  mutable std::atomic<long> mapped_after_release_{0};
};

// A transaction: aborted on destruction unless committed.
class Txn {
 public:
  Txn() = default;
  Txn(const Env& env, bool write, MDB_txn* parent = nullptr);
  ~Txn() { abort(); }
  Txn(Txn&& other) noexcept;
  Txn& operator=(Txn&& other) noexcept;

  MDB_txn* get() const noexcept { return txn_; }
  explicit operator bool() const noexcept { return txn_ != nullptr; }
  void commit();
  void abort() noexcept;

 private:
  MDB_txn* txn_ = nullptr;
  std::string where_;
};

class Cursor {
 public:
  Cursor() = default;
  Cursor(MDB_txn* txn, MDB_dbi dbi, const std::string& where);
  ~Cursor() { close(); }
  Cursor(Cursor&& other) noexcept : cursor_(other.cursor_) { other.cursor_ = nullptr; }
  Cursor& operator=(Cursor&& other) noexcept;
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  MDB_cursor* get() const noexcept { return cursor_; }
  explicit operator bool() const noexcept { return cursor_ != nullptr; }
  // MDB_SUCCESS or MDB_NOTFOUND; anything else throws.
  int step(MDB_val* key, MDB_val* data, MDB_cursor_op op, const std::string& where);
  void close() noexcept;

 private:
  MDB_cursor* cursor_ = nullptr;
};

}  // namespace ng::graph::lmdb
