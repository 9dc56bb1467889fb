#include "graph/store_directory.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "common/error.hpp"

#ifndef NG_VERSION
#define NG_VERSION "unknown"
#endif

namespace fs = std::filesystem;

namespace ng::graph {

namespace {

constexpr std::string_view kMarker = "newsgraph-store.json";
constexpr std::string_view kFormatName = "newsgraph-store";
constexpr std::string_view kCurrent = "CURRENT";
constexpr std::string_view kCurrentTmp = "CURRENT.tmp";
constexpr std::string_view kLock = "lock";
constexpr std::string_view kGenerationPrefix = "gen-";

std::function<void(std::string_view)>& crash_hook() {
  static std::function<void(std::string_view)> hook;
  return hook;
}

void reached(std::string_view point) {
  if (crash_hook()) crash_hook()(point);
}

std::string no_store_message(const fs::path& root) {
  return fmt::format("no store at {}: run `newsgraph build` first or pass --store", root.string());
}

std::string generation_name(unsigned number) { return fmt::format("gen-{:06}", number); }

// The generation number of a directory name "gen-000123", or nothing.
std::optional<unsigned> parse_generation(std::string_view name) {
  if (name.size() != kGenerationPrefix.size() + 6 || name.substr(0, kGenerationPrefix.size()) != kGenerationPrefix) {
    return std::nullopt;
  }
  unsigned number = 0;
  for (char c : name.substr(kGenerationPrefix.size())) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + static_cast<unsigned>(c - '0');
  }
  return number;
}

[[noreturn]] void throw_errno(const std::string& what, const fs::path& path) {
  throw IoError(fmt::format("{} {}: {}", what, path.string(), std::strerror(errno)));
}

// RAII for a file descriptor used only inside this file.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

void fsync_path(const fs::path& path, bool directory) {
  Fd fd(::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC));
  if (fd.fd < 0) throw_errno("cannot open for fsync", path);
  if (::fsync(fd.fd) != 0) throw_errno("fsync failed for", path);
}

// Writes a small file durably: write, fsync, close.
void write_file_synced(const fs::path& path, std::string_view content) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.fd < 0) throw_errno("cannot create", path);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd.fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno("cannot write", path);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.fd) != 0) throw_errno("fsync failed for", path);
}

std::string read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_empty_directory(const fs::path& root) {
  return fs::is_directory(root) && fs::directory_iterator(root) == fs::directory_iterator();
}

// Checks the marker; throws when `root` is not a newsgraph store of a
// format this build reads.
void check_marker(const fs::path& root) {
  const fs::path marker = root / kMarker;
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(read_small_file(marker));
  } catch (const nlohmann::json::exception&) {
    throw StoreError(fmt::format("store {} is damaged: {} is not valid JSON", root.string(), kMarker));
  }
  if (!json.is_object() || json.value("format", "") != kFormatName) {
    throw StoreError(fmt::format("{} is not a newsgraph store ({} names another format)", root.string(), kMarker));
  }
  const int version = json.value("version", 0);
  if (version != StoreDirectory::kFormatVersion) {
    throw StoreError(fmt::format("store {} has format version {}; this newsgraph reads version {}: rebuild it",
                                 root.string(), version, StoreDirectory::kFormatVersion));
  }
}

void write_marker(const fs::path& root) {
  const nlohmann::json json = {{"format", kFormatName},
                               {"version", StoreDirectory::kFormatVersion},
                               {"created_by", std::string("newsgraph ") + NG_VERSION}};
  const fs::path tmp = root / (std::string(kMarker) + ".tmp");
  write_file_synced(tmp, json.dump(2) + "\n");
  fs::rename(tmp, root / kMarker);
  fsync_path(root, true);
}

// The live generation number from CURRENT, 0 when there is none.
unsigned read_current(const fs::path& root) {
  const fs::path current = root / kCurrent;
  if (!fs::exists(current)) return 0;
  std::string text = read_small_file(current);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  const auto number = parse_generation(text);
  if (!number || *number == 0) {
    throw StoreError(fmt::format("store {} is damaged: CURRENT does not name a generation", root.string()));
  }
  if (!fs::is_directory(root / text)) {
    throw StoreError(fmt::format("store {} is damaged: CURRENT names {}, which is missing", root.string(), text));
  }
  return *number;
}

}  // namespace

void set_store_crash_hook_for_testing(std::function<void(std::string_view point)> hook) {
  crash_hook() = std::move(hook);
}

fs::path StoreDirectory::live_generation_for_reading(const fs::path& root) {
  if (!fs::is_directory(root) || is_empty_directory(root)) throw StoreError(no_store_message(root));
  if (!fs::exists(root / kMarker)) {
    throw StoreError(fmt::format("{} is not a newsgraph store (it has no {})", root.string(), kMarker));
  }
  check_marker(root);
  const unsigned live = read_current(root);
  if (live == 0) throw StoreError(no_store_message(root));
  return root / generation_name(live);
}

StoreDirectory StoreDirectory::open_for_writing(const fs::path& root, bool create) {
  if (!fs::exists(root)) {
    if (!create) throw StoreError(no_store_message(root));
    fs::create_directories(root);
  }
  if (!fs::is_directory(root)) throw StoreError(fmt::format("{} is not a directory", root.string()));
  if (!fs::exists(root / kMarker)) {
    // Only a new or empty directory becomes a store: never scatter BDB
    // files into a folder that holds something else.
    if (!is_empty_directory(root)) {
      throw StoreError(fmt::format("{} is not a newsgraph store (it has no {}); refusing to write into it",
                                   root.string(), kMarker));
    }
    if (!create) throw StoreError(no_store_message(root));
    write_marker(root);
  }
  check_marker(root);

  const fs::path lock_path = root / kLock;
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw_errno("cannot open the lock file", lock_path);
  StoreDirectory directory(root, fd);  // owns fd from here on
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) throw_errno("cannot lock", lock_path);
    std::string pid = read_small_file(lock_path);
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    throw StoreError(fmt::format("store {} is being written by another newsgraph process (pid {})", root.string(),
                                 pid.empty() ? "unknown" : pid));
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    throw_errno("cannot write the lock file", lock_path);
  }
  directory.live_number_ = read_current(root);
  directory.delete_stale_generations();
  return directory;
}

StoreDirectory::StoreDirectory(fs::path root, int lock_fd) : root_(std::move(root)), lock_fd_(lock_fd) {}

StoreDirectory::StoreDirectory(StoreDirectory&& other) noexcept
    : root_(std::move(other.root_)),
      lock_fd_(std::exchange(other.lock_fd_, -1)),
      live_number_(other.live_number_),
      work_(std::exchange(other.work_, std::nullopt)),
      work_number_(other.work_number_) {}

StoreDirectory& StoreDirectory::operator=(StoreDirectory&& other) noexcept {
  if (this != &other) {
    discard_work_generation();
    if (lock_fd_ >= 0) ::close(lock_fd_);
    root_ = std::move(other.root_);
    lock_fd_ = std::exchange(other.lock_fd_, -1);
    live_number_ = other.live_number_;
    work_ = std::exchange(other.work_, std::nullopt);
    work_number_ = other.work_number_;
  }
  return *this;
}

StoreDirectory::~StoreDirectory() {
  discard_work_generation();
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

std::optional<fs::path> StoreDirectory::live_generation() const {
  if (live_number_ == 0) return std::nullopt;
  return root_ / generation_name(live_number_);
}

void StoreDirectory::delete_stale_generations() {
  // Anything that is not the live generation was left by a writer that
  // died before (or right after) its commit point: delete it.
  std::error_code ignored;
  fs::remove(root_ / kCurrentTmp, ignored);
  for (const fs::directory_entry& entry : fs::directory_iterator(root_)) {
    const auto number = parse_generation(entry.path().filename().string());
    if (!number || *number == live_number_) continue;
    spdlog::info("store {}: deleting stale generation {}", root_.string(), entry.path().filename().string());
    std::error_code error;
    fs::remove_all(entry.path(), error);
    if (error) spdlog::warn("store {}: cannot delete {}: {}", root_.string(), entry.path().string(), error.message());
  }
}

const fs::path& StoreDirectory::begin_work_generation() {
  if (work_) return *work_;
  work_number_ = live_number_ + 1;
  const fs::path work = root_ / generation_name(work_number_);
  fs::remove_all(work);
  fs::create_directory(work);
  work_ = work;
  if (const auto live = live_generation()) {
    for (const fs::directory_entry& entry : fs::directory_iterator(*live)) {
      if (!entry.is_regular_file()) continue;
      fs::copy_file(entry.path(), work / entry.path().filename());
      reached("copied-file");
    }
  }
  return *work_;
}

void StoreDirectory::publish() {
  if (!work_) return;
  for (const fs::directory_entry& entry : fs::directory_iterator(*work_)) {
    if (entry.is_regular_file()) fsync_path(entry.path(), false);
  }
  fsync_path(*work_, true);
  reached("synced");
  write_file_synced(root_ / kCurrentTmp, generation_name(work_number_) + "\n");
  reached("current-tmp-written");
  fs::rename(root_ / kCurrentTmp, root_ / kCurrent);  // the commit point
  fsync_path(root_, true);
  reached("current-switched");

  const std::optional<fs::path> old = live_generation();
  live_number_ = work_number_;
  work_.reset();
  if (old) {
    std::error_code error;
    fs::remove_all(*old, error);
    if (error) spdlog::warn("store {}: cannot delete {}: {}", root_.string(), old->string(), error.message());
  }
}

void StoreDirectory::discard_work_generation() noexcept {
  if (!work_) return;
  std::error_code error;
  fs::remove_all(*work_, error);
  work_.reset();
}

}  // namespace ng::graph
