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

#include "common/error.hpp"

#ifndef NG_VERSION
#define NG_VERSION "unknown"
#endif

namespace fs = std::filesystem;

namespace ng::graph {

namespace {

constexpr std::string_view kMarker = "newsgraph-store.json";
constexpr std::string_view kFormatName = "newsgraph-store";
constexpr std::string_view kLock = "lock";

std::function<void(std::string_view)>& crash_hook() {
  static std::function<void(std::string_view)> hook;
  return hook;
}

std::string no_store_message(const fs::path& root) {
  return fmt::format("no store at {}: run `newsgraph build` first or pass --store", root.string());
}

[[noreturn]] void throw_errno(const std::string& what, const fs::path& path) {
  throw IoError(fmt::format("{} {}: {}", what, path.string(), std::strerror(errno)));
}

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

// The version the marker names; throws when `root` is not a newsgraph store.
int marker_version(const fs::path& root) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(read_small_file(root / kMarker));
  } catch (const nlohmann::json::exception&) {
    throw StoreError(fmt::format("store {} is damaged: {} is not valid JSON", root.string(), kMarker));
  }
  if (!json.is_object() || json.value("format", "") != kFormatName) {
    throw StoreError(fmt::format("{} is not a newsgraph store ({} names another format)", root.string(), kMarker));
  }
  return json.value("version", 0);
}

void check_version(const fs::path& root) {
  const int version = marker_version(root);
  if (version == StoreDirectory::kBdbFormatVersion) throw StoreError(StoreDirectory::bdb_store_message(root));
  if (version != StoreDirectory::kFormatVersion) {
    throw StoreError(fmt::format("store {} has format version {}; this newsgraph reads version {}: rebuild it",
                                 root.string(), version, StoreDirectory::kFormatVersion));
  }
}

}  // namespace

void set_store_crash_hook_for_testing(std::function<void(std::string_view point)> hook) {
  crash_hook() = std::move(hook);
}

void reached_store_crash_point(std::string_view point) {
  if (crash_hook()) crash_hook()(point);
}

std::string StoreDirectory::bdb_store_message(const fs::path& root) {
  return fmt::format(
      "store {} was written by an older newsgraph (Berkeley DB files, store format 1); this newsgraph keeps "
      "stores in LMDB (format 2). Convert it with `newsgraph migrate --store {}` (it keeps everything in it), "
      "or delete it and build again",
      root.string(), root.string());
}

int StoreDirectory::format_version(const fs::path& root) {
  if (!fs::exists(root / kMarker)) return 0;
  return marker_version(root);
}

void StoreDirectory::check_readable(const fs::path& root) {
  if (!fs::is_directory(root) || is_empty_directory(root)) throw StoreError(no_store_message(root));
  if (!fs::exists(root / kMarker)) {
    throw StoreError(fmt::format("{} is not a newsgraph store (it has no {})", root.string(), kMarker));
  }
  check_version(root);
  if (!fs::exists(root / "data.mdb")) throw StoreError(no_store_message(root));
}

int StoreDirectory::take_lock(const fs::path& root) {
  const fs::path lock_path = root / kLock;
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw_errno("cannot open the lock file", lock_path);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    if (error != EWOULDBLOCK) throw_errno("cannot lock", lock_path);
    std::string pid = read_small_file(lock_path);
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    throw StoreError(fmt::format("store {} is being written by another newsgraph process (pid {})", root.string(),
                                 pid.empty() ? "unknown" : pid));
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    const int error = errno;
    ::close(fd);
    errno = error;
    throw_errno("cannot write the lock file", lock_path);
  }
  return fd;
}

StoreDirectory StoreDirectory::open_for_writing(const fs::path& root, bool create) {
  if (!fs::exists(root)) {
    if (!create) throw StoreError(no_store_message(root));
    fs::create_directories(root);
  }
  if (!fs::is_directory(root)) throw StoreError(fmt::format("{} is not a directory", root.string()));
  bool fresh = false;
  if (!fs::exists(root / kMarker)) {
    // Only a new or empty directory becomes a store: never scatter files
    // into a folder that holds something else.
    if (!is_empty_directory(root)) {
      throw StoreError(fmt::format("{} is not a newsgraph store (it has no {}); refusing to write into it",
                                   root.string(), kMarker));
    }
    if (!create) throw StoreError(no_store_message(root));
    fresh = true;
  } else {
    check_version(root);
  }
  StoreDirectory directory(root, take_lock(root));
  if (fresh) directory.write_marker(kFormatVersion);
  return directory;
}

StoreDirectory StoreDirectory::lock_only(const fs::path& root) { return StoreDirectory(root, take_lock(root)); }

void StoreDirectory::write_marker(int version) {
  const nlohmann::json json = {{"format", kFormatName},
                               {"version", version},
                               {"engine", version == kBdbFormatVersion ? "bdb" : "lmdb"},
                               {"created_by", std::string("newsgraph ") + NG_VERSION}};
  const fs::path tmp = root_ / (std::string(kMarker) + ".tmp");
  write_file_synced(tmp, json.dump(2) + "\n");
  fs::rename(tmp, root_ / kMarker);
  fsync_path(root_, true);
}

StoreDirectory::StoreDirectory(fs::path root, int lock_fd) : root_(std::move(root)), lock_fd_(lock_fd) {}

StoreDirectory::StoreDirectory(StoreDirectory&& other) noexcept
    : root_(std::move(other.root_)), lock_fd_(std::exchange(other.lock_fd_, -1)) {}

StoreDirectory& StoreDirectory::operator=(StoreDirectory&& other) noexcept {
  if (this != &other) {
    if (lock_fd_ >= 0) ::close(lock_fd_);
    root_ = std::move(other.root_);
    lock_fd_ = std::exchange(other.lock_fd_, -1);
  }
  return *this;
}

StoreDirectory::~StoreDirectory() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

}  // namespace ng::graph
