#pragma once
// A file newsgraph writes (an export, an output of `build` or `analyze`):
// written to "<path>.tmp" and renamed over the path when complete, so that a
// reader never sees half a file, and every failure is one IoError naming the
// path and the reason the system gave ("graph.nq: cannot write: No space
// left on device"), never a bare "writing failed".
//
// Writes go straight to the file descriptor, so the reason of a failed
// write is the one write(2) gave. Not thread-safe; one writer per file.

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace ng {

class OutputFile {
 public:
  // Creates the temporary file. Throws IoError (path and reason) when it
  // cannot: a missing or unwritable folder, a full disk.
  explicit OutputFile(std::string path);
  // Without commit(), the temporary file is removed.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream();
  // The reason of the first failed write, if one failed.
  std::optional<std::string> failure() const;
  // Flushes, closes and renames onto the path. Throws IoError (path and
  // reason) when anything failed.
  void commit();
  const std::string& path() const noexcept { return path_; }

 private:
  class Buffer;
  [[noreturn]] void fail(const std::string& reason);
  std::string path_;
  std::string temporary_;
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
  bool committed_ = false;
};

// Writes `text` to `path` through an OutputFile.
void write_output_file(const std::string& path, std::string_view text);

}  // namespace ng
