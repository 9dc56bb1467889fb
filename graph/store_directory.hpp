#pragma once
// The on-disk layout of a persistent store, independent of what is in the
// LMDB files:
//
//   STORE/newsgraph-store.json   marker: format name and version, created-by
//   STORE/data.mdb               LMDB: the terms and the quad indexes
//   STORE/lock.mdb               LMDB's reader table
//   STORE/lock                   flock()ed by the one writer; holds its pid
//
// Crash safety and concurrent readers are LMDB's: a build is one write
// transaction, and a reader sees the last commit. This class only keeps
// folders that are not stores (or stores of another format) from being
// opened, and keeps a second writer out with a clear message (LMDB's own
// writer lock would just make it wait).
//
// Stores written by newsgraph 0.1 (format 1: Berkeley DB generations and a
// CURRENT file) are recognised and refused with the command that converts
// them (`newsgraph migrate`).
//
// Not thread-safe. Throws StoreError (IoError for failed file system calls)
// with the store path in the message.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace ng::graph {

class StoreDirectory {
 public:
  // Format of the marker file; bumped when the layout changes.
  static constexpr int kFormatVersion = 2;
  // The Berkeley DB layout of newsgraph 0.1.
  static constexpr int kBdbFormatVersion = 1;

  // Checks that `root` is a store this build reads. Throws StoreError "no
  // store at PATH: ..." when there is none, "PATH is not a newsgraph store"
  // for another folder, and the migration advice for a format-1 store.
  static void check_readable(const std::filesystem::path& root);

  // Opens for writing: checks (or, when `create` and the directory is new
  // or empty, writes) the marker and takes the writer lock.
  static StoreDirectory open_for_writing(const std::filesystem::path& root, bool create);

  // The format version a marker names, or 0 when there is no marker.
  static int format_version(const std::filesystem::path& root);
  // The message for a store of the Berkeley DB format.
  static std::string bdb_store_message(const std::filesystem::path& root);

  StoreDirectory(StoreDirectory&& other) noexcept;
  StoreDirectory& operator=(StoreDirectory&& other) noexcept;
  StoreDirectory(const StoreDirectory&) = delete;
  StoreDirectory& operator=(const StoreDirectory&) = delete;
  ~StoreDirectory();  // releases the lock

  const std::filesystem::path& root() const noexcept { return root_; }
  // Replaces the marker (tmp file, fsync, rename): `newsgraph migrate`.
  void write_marker(int version);

  // Locks `root` for writing without checking or writing a marker (for
  // the migration of a format-1 store).
  static StoreDirectory lock_only(const std::filesystem::path& root);

 private:
  StoreDirectory(std::filesystem::path root, int lock_fd);
  static int take_lock(const std::filesystem::path& root);

  std::filesystem::path root_;
  int lock_fd_ = -1;
};

// Test hook: called at named points of a commit ("flushed": the indexes
// are written, not committed; "committed": right after LMDB's commit) so
// that tests can kill the process there. Empty by default.
void set_store_crash_hook_for_testing(std::function<void(std::string_view point)> hook);
void reached_store_crash_point(std::string_view point);

}  // namespace ng::graph
