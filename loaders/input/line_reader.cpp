#include "loaders/input/line_reader.hpp"

#include <cstring>

namespace ng::loaders {

namespace {
constexpr std::size_t kBufferBytes = std::size_t{1} << 16;
}

LineReader::LineReader(std::istream& in, std::size_t max_line_bytes, std::size_t lines_before)
    : in_(in), max_line_bytes_(max_line_bytes), buffer_(kBufferBytes), line_number_(lines_before) {}

bool LineReader::fill() {
  if (pos_ < end_) return true;
  pos_ = end_ = 0;
  if (!in_) return false;
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  end_ = static_cast<std::size_t>(in_.gcount());
  if (!started_) {
    started_ = true;
    if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) {
      pos_ = 3;
      consumed_ += 3;
    }
  }
  return pos_ < end_;
}

std::string_view LineReader::head() {
  if (!started_) fill();
  return {buffer_.data() + pos_, std::min<std::size_t>(end_ - pos_, 8192)};
}

LineReader::Status LineReader::next(std::string& line) {
  line.clear();
  if (!fill()) return Status::End;
  ++line_number_;
  std::size_t length = 0;
  bool too_long = false;
  while (fill()) {
    const char* start = buffer_.data() + pos_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    const std::size_t chunk = newline ? static_cast<std::size_t>(newline - start) : end_ - pos_;
    length += chunk;
    if (!too_long && length > max_line_bytes_) {
      too_long = true;
      line.clear();
      line.shrink_to_fit();
    }
    if (!too_long) line.append(start, chunk);
    const std::size_t step = chunk + (newline ? 1 : 0);
    pos_ += step;
    consumed_ += step;
    if (newline) break;
  }
  if (!too_long && !line.empty() && line.back() == '\r') line.pop_back();
  last_length_ = length;
  return too_long ? Status::TooLong : Status::Line;
}

bool LineReader::restart_at(std::uint64_t offset, std::size_t line_number) {
  in_.clear();
  if (!in_.seekg(static_cast<std::streamoff>(offset))) return false;
  pos_ = end_ = 0;
  consumed_ = offset;
  line_number_ = line_number - 1;
  return true;
}

}  // namespace ng::loaders
