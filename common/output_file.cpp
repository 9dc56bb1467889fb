#include "common/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <streambuf>

#include "common/error.hpp"

namespace ng {

// A stream buffer over a file descriptor that remembers why a write failed.
class OutputFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd) { setp(data_.data(), data_.data() + data_.size()); }
  ~Buffer() override { close_fd(); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  const std::optional<std::string>& failure() const noexcept { return failure_; }

  // Flushes and closes; the first failure is kept.
  void close_fd() noexcept {
    if (fd_ < 0) return;
    flush();
    if (::close(fd_) != 0 && !failure_) failure_ = std::strerror(errno);
    fd_ = -1;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!flush()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return flush() ? 0 : -1; }

 private:
  bool flush() noexcept {
    if (failure_) return false;
    const char* from = pbase();
    while (from < pptr()) {
      const ssize_t written = ::write(fd_, from, static_cast<std::size_t>(pptr() - from));
      if (written < 0) {
        if (errno == EINTR) continue;
        failure_ = std::strerror(errno);
        return false;
      }
      from += written;
    }
    setp(data_.data(), data_.data() + data_.size());
    return true;
  }

  int fd_;
  std::array<char, 1 << 16> data_{};
  std::optional<std::string> failure_;
};

OutputFile::OutputFile(std::string path) : path_(std::move(path)), temporary_(path_ + ".tmp") {
  const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(fmt::format("{}: cannot write: {}", path_, std::strerror(errno)));
  buffer_ = std::make_unique<Buffer>(fd);
  stream_ = std::make_unique<std::ostream>(buffer_.get());
}

OutputFile::~OutputFile() {
  if (committed_) return;
  stream_.reset();
  buffer_.reset();
  std::remove(temporary_.c_str());
}

std::ostream& OutputFile::stream() { return *stream_; }

std::optional<std::string> OutputFile::failure() const { return buffer_->failure(); }

void OutputFile::fail(const std::string& reason) {
  throw IoError(fmt::format("{}: cannot write: {}", path_, reason));
}

void OutputFile::commit() {
  stream_->flush();
  buffer_->close_fd();
  if (const auto& reason = buffer_->failure()) fail(*reason);
  if (!*stream_) fail("write error");
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) fail(std::strerror(errno));
  committed_ = true;
}

void write_output_file(const std::string& path, std::string_view text) {
  OutputFile file(path);
  file.stream().write(text.data(), static_cast<std::streamsize>(text.size()));
  file.commit();
}

}  // namespace ng
