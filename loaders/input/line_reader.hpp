#pragma once
// Reads a stream line by line with a bound on line length, for the readers
// that stream (JSON Lines, CSV). A line over the bound is skipped while it
// is read: it is never held in memory whole, and reading stays linear.
// Not thread-safe (one reader per stream); throws only std::bad_alloc.

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace ng::loaders {

class LineReader {
 public:
  enum class Status { Line, TooLong, End };

  // `in` must outlive the reader. A UTF-8 byte order mark at the start of the
  // stream is dropped.
  // `lines_before` counts lines already read from `in` by someone else.
  LineReader(std::istream& in, std::size_t max_line_bytes, std::size_t lines_before = 0);

  // The next line without its "\n" or "\r\n". For TooLong, `line` is left
  // empty and last_length() tells how long the line was.
  Status next(std::string& line);

  // 1-based number of the line next() returned last.
  std::size_t line_number() const noexcept { return line_number_; }
  std::size_t last_length() const noexcept { return last_length_; }
  // Stream offset just after the line next() returned last.
  std::uint64_t offset() const noexcept { return consumed_; }
  // The first bytes of the stream (up to 8 KiB, after the BOM), without
  // consuming them, for binary-file detection.
  std::string_view head();
  // Whether reading failed with an I/O error (not end of file).
  bool failed() const noexcept { return in_.bad(); }

  // Continues reading at stream offset `offset`, which is the start of line
  // `line_number` (for CSV recovery). Returns false if the stream cannot seek.
  bool restart_at(std::uint64_t offset, std::size_t line_number);

 private:
  bool fill();

  std::istream& in_;
  std::size_t max_line_bytes_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;   // next unread byte in buffer_
  std::size_t end_ = 0;   // end of valid bytes in buffer_
  std::uint64_t consumed_ = 0;  // stream offset of buffer_[pos_]
  std::size_t line_number_ = 0;
  std::size_t last_length_ = 0;
  bool started_ = false;
};

}  // namespace ng::loaders
