#pragma once
// What a build keeps about each article input file it read, so that the
// next build need not read it again: the file's identity and times as
// stat() gave them just before it was read, and what was read from it (each
// article's IRI, fingerprint and origin). Kept in the store's side table
// "input-files" (graph/store.hpp), written in the build's own write
// transaction, so a record never outlives or predates the build that read
// the file; not quads, so it is never exported and never changes the graph.
//
// When a record is trusted (InputRecords::unchanged): the path is the same
// as given on the command line, from the same working directory; the
// settings that shape what is read from a file (the base IRI, the size
// limit, this record's format) are the same; and the file's device, inode,
// size, mtime and ctime (nanoseconds) are exactly those recorded. Times
// alone are not enough for a file changed within one timestamp tick of its
// read: its second change keeps the first change's times. So a record is
// trusted only when the file's ctime was more than kTimestampTick older than
// the moment the file was stat()ed before reading it; a file written that
// recently is read again by the next build too. Any later change to the file
// (even one that restores its mtime with `touch -d`) sets its ctime to the
// time of that change, which is then different. A file whose read reported a
// problem (a skipped line, a bad byte) is not recorded: it is read again so
// the problem is reported again.
//
// The build then also checks every recorded article against the store's
// own fingerprints: a file whose articles the store no longer has (removed,
// replaced) is read as before.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "graph/store.hpp"

namespace ng::pipeline {

// The coarsest timestamp step of the file systems newsgraph's inputs live
// on (2 s: FAT's mtime; ext4, XFS and tmpfs stamp with the kernel's coarse
// clock, a few ms).
inline constexpr std::int64_t kTimestampTick = 2'000'000'000;

// What stat() says of a file, in nanoseconds.
struct FileStamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// The stamp of a regular file (following links); nothing for anything else.
std::optional<FileStamp> stamp_file(const std::string& path);

// The real-time clock, in nanoseconds since the epoch (the clock file times use).
std::int64_t wall_clock_ns();

struct InputRecord {
  std::string given_path;         // as on the command line (origins and IRIs come from it)
  FileStamp stamp;                // before the file was read
  std::int64_t read_at_ns = 0;    // the clock just before stamp was taken
  std::size_t articles_read = 0;  // as the input report counts them
  struct Article {
    std::string url;  // its IRI is minted from it
    std::string fingerprint;
    std::string origin;
  };
  std::vector<Article> articles;  // in file order
};

class InputRecords {
 public:
  // `settings`: what else shapes the articles read from a file (the base IRI,
  // read options); a record made under other settings is not trusted.
  // `tick`: the timestamp tick of the rule above (kTimestampTick).
  InputRecords(std::string settings, std::int64_t tick) : settings_(std::move(settings)), tick_(tick) {}

  // The record of `given_path`, when the store has one that still describes
  // the file as it is now (the rules above).
  std::optional<InputRecord> unchanged(const graph::Store& store, const std::string& given_path) const;

  // Keeps `record` for writing; write() puts every kept record in the store
  // (the store's write transaction; then committed with the build).
  void keep(InputRecord record);
  bool any_kept() const noexcept { return !kept_.empty(); }
  void write(graph::Store& store) const;

  // The key of a file: its absolute path, lexically normal, as given.
  static std::string key(const std::string& given_path);

  // Erases (in the store's write transaction) the record of every file for
  // which `drop` says so, given the record's key; returns those keys, in
  // key order. For `newsgraph remove`: the records of the files whose
  // graphs it removes would otherwise stay in the store for good.
  static std::vector<std::string> prune(graph::Store& store, const std::function<bool(const std::string& key)>& drop);
  // The same question without erasing anything (--dry-run).
  static std::vector<std::string> matching(const graph::Store& store,
                                           const std::function<bool(const std::string& key)>& drop);

 private:
  std::string encode(const InputRecord& record) const;
  std::optional<InputRecord> decode(std::string_view bytes) const;

  std::string settings_;
  std::int64_t tick_;
  std::vector<InputRecord> kept_;
};

}  // namespace ng::pipeline
