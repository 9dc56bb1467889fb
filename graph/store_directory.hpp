#pragma once
// The on-disk layout of a persistent store and its crash-safety protocol,
// independent of Redland (store.cpp puts the BDB files in the directories
// this class hands out).
//
//   STORE/newsgraph-store.json   marker: format name and version, created-by
//   STORE/CURRENT                "gen-000007\n": the live generation
//   STORE/lock                   flock()ed by the one writer; holds its pid
//   STORE/gen-000007/            the live generation's files (never written)
//   STORE/gen-000008/            a writer's work generation (until commit)
//
// A writer copies the live generation into a new one and writes only
// there. publish() fsyncs the new generation's files and directory, writes
// CURRENT.tmp, fsyncs it, renames it over CURRENT and fsyncs the store
// directory: the rename is the commit point. Old generations are deleted
// after the switch; generations left by a killed writer (and CURRENT.tmp)
// are deleted when the next writer opens. Readers only read CURRENT and the
// generation it names, so they never see a half-written generation.
//
// Not thread-safe. Throws StoreError (or IoError for failed file system
// calls) with the store path in the message.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ng::graph {

class StoreDirectory {
 public:
  // Format of the marker file; bumped when the layout changes.
  static constexpr int kFormatVersion = 1;

  // The live generation for a reader. Throws StoreError "no store at PATH:
  // ..." when nothing was ever committed there, or when PATH is not a
  // newsgraph store.
  static std::filesystem::path live_generation_for_reading(const std::filesystem::path& root);

  // Opens for writing: checks (or, when `create` and the directory is new
  // or empty, writes) the marker, takes the writer lock, deletes stale
  // generations.
  static StoreDirectory open_for_writing(const std::filesystem::path& root, bool create);

  StoreDirectory(StoreDirectory&& other) noexcept;
  StoreDirectory& operator=(StoreDirectory&& other) noexcept;
  StoreDirectory(const StoreDirectory&) = delete;
  StoreDirectory& operator=(const StoreDirectory&) = delete;
  // Releases the lock; a work generation not published is deleted.
  ~StoreDirectory();

  const std::filesystem::path& root() const noexcept { return root_; }
  // The committed generation, if there is one.
  std::optional<std::filesystem::path> live_generation() const;
  // The work generation, once begin_work_generation() was called.
  const std::optional<std::filesystem::path>& work_generation() const noexcept { return work_; }

  // Creates the next generation directory and copies the live
  // generation's files into it; returns its path.
  const std::filesystem::path& begin_work_generation();
  // Makes the work generation the live one (see the protocol above). The
  // caller must have closed the files it wrote there.
  void publish();
  // Deletes the work generation (changes discarded).
  void discard_work_generation() noexcept;

 private:
  StoreDirectory(std::filesystem::path root, int lock_fd);
  void delete_stale_generations();

  std::filesystem::path root_;
  int lock_fd_ = -1;
  unsigned live_number_ = 0;  // 0 = nothing committed yet
  std::optional<std::filesystem::path> work_;
  unsigned work_number_ = 0;
};

// Test hook: called at named points of the protocol ("copied-file",
// "synced", "current-tmp-written", "current-switched") so that tests can
// kill the process there. Empty by default; not for production use.
void set_store_crash_hook_for_testing(std::function<void(std::string_view point)> hook);

}  // namespace ng::graph
