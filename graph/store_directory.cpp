#include "graph/store_directory.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <exception>
#include <thread>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "graph/redland_quads.hpp"

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

const fs::path& StoreDirectory::begin_work_generation(std::span<const std::string_view> appended) {
  if (work_) return *work_;
  work_number_ = live_number_ + 1;
  const fs::path work = root_ / generation_name(work_number_);
  fs::remove_all(work);
  fs::create_directory(work);
  work_ = work;
  if (const auto live = live_generation()) {
    for (const fs::directory_entry& entry : fs::directory_iterator(*live)) {
      if (!entry.is_regular_file()) continue;
      const fs::path name = entry.path().filename();
      const bool copy = std::find(appended.begin(), appended.end(), name.string()) != appended.end();
      std::error_code linked;
      if (!copy) fs::create_hard_link(entry.path(), work / name, linked);
      if (copy || linked) fs::copy_file(entry.path(), work / name);
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

// --- writing a generation (graph/redland_quads.hpp) ----------------------------

namespace ng::graph::detail {

namespace {

// Chunked writes to one file, for the parts of a generation.
class OutputFile {
 public:
  OutputFile(fs::path path, bool append) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0644);
    if (fd_ < 0) throw_errno("cannot create", path_);
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  void write(const void* data, std::size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
      const ssize_t n = ::write(fd_, p, size);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw_errno("cannot write", path_);
      }
      p += n;
      size -= static_cast<std::size_t>(n);
    }
  }
  void close() {
    if (::close(std::exchange(fd_, -1)) != 0) throw_errno("cannot write", path_);
  }

 private:
  fs::path path_;
  int fd_ = -1;
};

fs::path tmp_of(const fs::path& path) { return fs::path(path.string() + ".tmp"); }

class FileSink final : public GenerationSink {
 public:
  explicit FileSink(fs::path directory) : directory_(std::move(directory)), heap_(directory_ / "terms.dat", true) {}

  void append_heap(std::span<const std::byte> bytes) override {
    heap_.write(bytes.data(), bytes.size());
    heap_bytes_ += bytes.size();
  }
  void write_ranks(std::span<const std::uint64_t> offsets) override {
    write_part("terms.rank", offsets.data(), offsets.size_bytes());
    terms_ = offsets.size();
  }
  void write_hash(std::span<const Ref> slots) override { write_part("terms.hash", slots.data(), slots.size_bytes()); }
  void begin_index(Order order, std::size_t) override {
    name_ = std::string("quads.") + order_name(order);
    index_.emplace(tmp_of(directory_ / name_), false);
    quads_ = 0;
  }
  void write_quads(std::span<const Quad4> quads) override {
    index_->write(quads.data(), quads.size_bytes());
    quads_ += quads.size();
  }
  void end_index() override {
    index_->close();
    index_.reset();
    renames_.push_back(name_);
  }
  Generation finish(std::size_t graphs) override {
    heap_.close();
    const nlohmann::json meta = {{"format", "newsgraph-quads"}, {"version", 1},       {"terms", terms_},
                                 {"quads", quads_},              {"graphs", graphs},   {"heap_bytes", heap_size()}};
    write_part("generation.json", meta.dump(1).data(), meta.dump(1).size());
    for (const std::string& name : renames_) fs::rename(tmp_of(directory_ / name), directory_ / name);
    return Generation::open(directory_);
  }

 private:
  void write_part(const std::string& name, const void* data, std::size_t size) {
    OutputFile out(tmp_of(directory_ / name), false);
    out.write(data, size);
    out.close();
    renames_.push_back(name);
  }
  std::uintmax_t heap_size() const { return fs::file_size(directory_ / "terms.dat"); }

  fs::path directory_;
  OutputFile heap_;
  std::size_t heap_bytes_ = 0;
  std::optional<OutputFile> index_;
  std::string name_;
  std::size_t terms_ = 0;
  std::size_t quads_ = 0;
  std::vector<std::string> renames_;
};

class MemorySink final : public GenerationSink {
 public:
  explicit MemorySink(std::span<const std::byte> base_heap) : heap_(base_heap.begin(), base_heap.end()) {}

  void append_heap(std::span<const std::byte> bytes) override { heap_.insert(heap_.end(), bytes.begin(), bytes.end()); }
  void write_ranks(std::span<const std::uint64_t> offsets) override { ranks_ = bytes_of(offsets); }
  void write_hash(std::span<const Ref> slots) override { hash_ = bytes_of(slots); }
  void begin_index(Order order, std::size_t quads) override {
    current_ = static_cast<int>(order);
    indexes_[current_].reserve(quads * sizeof(Quad4));
  }
  void write_quads(std::span<const Quad4> quads) override {
    const auto bytes = std::as_bytes(quads);
    indexes_[current_].insert(indexes_[current_].end(), bytes.begin(), bytes.end());
  }
  void end_index() override {}
  Generation finish(std::size_t) override {
    GenerationParts parts;
    parts.heap = Block::own(std::move(heap_));
    parts.ranks = Block::own(std::move(ranks_));
    parts.hash = Block::own(std::move(hash_));
    for (std::size_t i = 0; i < 4; ++i) parts.indexes[i] = Block::own(std::move(indexes_[i]));
    return Generation(std::move(parts));
  }

 private:
  template <class T>
  static std::vector<std::byte> bytes_of(std::span<const T> values) {
    const auto bytes = std::as_bytes(values);
    return {bytes.begin(), bytes.end()};
  }

  std::vector<std::byte> heap_, ranks_, hash_;
  std::array<std::vector<std::byte>, 4> indexes_;
  int current_ = 0;
};

// Writes `quads` in chunks, dropping repeats.
class QuadOutput {
 public:
  QuadOutput(GenerationSink& sink) : sink_(sink) { buffer_.reserve(kChunk); }
  void put(const Quad4& quad) {
    if (count_ > 0 && quad == last_) return;
    last_ = quad;
    ++count_;
    buffer_.push_back(quad);
    if (buffer_.size() == kChunk) flush();
  }
  void flush() {
    sink_.write_quads(buffer_);
    buffer_.clear();
  }
  std::size_t count() const noexcept { return count_; }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  GenerationSink& sink_;
  std::vector<Quad4> buffer_;
  Quad4 last_{};
  std::size_t count_ = 0;
};

// Runs `a` on a second thread and `b` on this one, when there is enough
// work (`size` items) to pay for a thread.
template <class A, class B>
void in_parallel(A&& a, B&& b, std::size_t size) {
  if (size < 100000) {
    a();
    b();
    return;
  }
  std::exception_ptr failure;
  std::thread other([&] {
    try {
      a();
    } catch (...) {
      failure = std::current_exception();
    }
  });
  try {
    b();
  } catch (...) {
    other.join();
    throw;
  }
  other.join();
  if (failure) std::rethrow_exception(failure);
}

// A capacity for `terms` entries at most half full.
std::size_t hash_capacity(std::size_t terms) {
  std::size_t capacity = 16;
  while (capacity < terms * 2) capacity *= 2;
  return capacity;
}

}  // namespace

std::unique_ptr<GenerationSink> file_sink(const fs::path& directory) { return std::make_unique<FileSink>(directory); }

std::unique_ptr<GenerationSink> memory_sink(std::span<const std::byte> base_heap) {
  return std::make_unique<MemorySink>(base_heap);
}

Generation write_generation(const Generation& base, Changes changes, GenerationSink& sink) {
  auto step_start = std::chrono::steady_clock::now();
  const auto step = [&](std::string_view name) {
    const auto now = std::chrono::steady_clock::now();
    spdlog::debug("store: {} in {} ms", name,
                  std::chrono::duration_cast<std::chrono::milliseconds>(now - step_start).count());
    step_start = now;
  };
  const std::size_t base_terms = base.term_count();
  const std::size_t new_terms = changes.new_terms.size();
  const auto removed = [&](Ref graph) {
    return graph < changes.removed_graphs.size() && changes.removed_graphs[graph];
  };

  // 1. The terms the new generation still uses.
  std::vector<bool> used_base(base_terms), used_new(new_terms);
  for (const Quad4& quad : base.index(Order::Spog)) {
    if (removed(quad[kG])) continue;
    for (const Ref r : quad) used_base[r] = true;
  }
  for (const Quad4& quad : changes.quads) {
    for (const Ref r : quad) {
      if (r < base_terms) used_base[r] = true;
      else used_new[r - base_terms] = true;
    }
  }

  step("used terms marked");

  // 2. New ranks: the used base terms (already in spelling order) merged
  // with the used new terms sorted by spelling. New terms' records are
  // appended to the heap.
  std::vector<std::uint32_t> fresh;
  for (std::uint32_t k = 0; k < new_terms; ++k) {
    if (used_new[k]) fresh.push_back(k);
  }
  {
    const auto by_spelling = [&](std::uint32_t a, std::uint32_t b) {
      return changes.new_terms[a] < changes.new_terms[b];
    };
    const auto middle = fresh.begin() + static_cast<std::ptrdiff_t>(fresh.size() / 2);
    in_parallel([&] { std::sort(fresh.begin(), middle, by_spelling); },
                [&] { std::sort(middle, fresh.end(), by_spelling); }, fresh.size());
    std::inplace_merge(fresh.begin(), middle, fresh.end(), by_spelling);
  }
  step(fmt::format("{} new terms sorted", fresh.size()));
  std::vector<Ref> base_map(base_terms, kNoRef), new_map(new_terms, kNoRef);
  std::vector<std::uint64_t> offsets;
  offsets.reserve(base_terms + fresh.size());
  std::uint64_t heap_end = base.heap().size();
  std::vector<std::byte> records;
  const auto append_record = [&](std::string_view spelling) {
    const std::uint64_t offset = heap_end + records.size();
    const auto length = static_cast<std::uint32_t>(spelling.size());
    const auto* length_bytes = reinterpret_cast<const std::byte*>(&length);
    records.insert(records.end(), length_bytes, length_bytes + sizeof length);
    const auto* text = reinterpret_cast<const std::byte*>(spelling.data());
    records.insert(records.end(), text, text + spelling.size());
    if (records.size() > (std::size_t{16} << 20)) {
      sink.append_heap(records);
      heap_end += records.size();
      records.clear();
    }
    return offset;
  };
  // Each live term goes into the hash table as its rank is decided.
  std::vector<Ref> slots(hash_capacity(base_terms + fresh.size()), 0);
  const std::size_t mask = slots.size() - 1;
  const auto hash_rank = [&](std::string_view spelling, Ref rank) {
    std::size_t slot = spelling_hash(spelling) & mask;
    while (slots[slot] != 0) slot = (slot + 1) & mask;
    slots[slot] = rank + 1;
  };
  std::size_t i = 0, j = 0;
  const auto skip_unused = [&] {
    while (i < base_terms && !used_base[i]) ++i;
  };
  skip_unused();
  while (i < base_terms || j < fresh.size()) {
    const auto rank = static_cast<Ref>(offsets.size());
    if (rank == kNoRef) throw StoreError("the store holds more than 4 billion terms");
    int order = 0;  // < 0: the base term comes first, > 0: the new one, 0: the same term
    if (i == base_terms) order = 1;
    else if (j == fresh.size()) order = -1;
    else {
      const auto c = base.spelling(static_cast<Ref>(i)) <=> changes.new_terms[fresh[j]];
      order = c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (order <= 0) {
      offsets.push_back(base.rank_offsets()[i]);
      hash_rank(base.spelling(static_cast<Ref>(i)), rank);
      base_map[i] = rank;
      if (order == 0) new_map[fresh[j++]] = rank;
      ++i;
      skip_unused();
    } else {
      offsets.push_back(append_record(changes.new_terms[fresh[j]]));
      hash_rank(changes.new_terms[fresh[j]], rank);
      new_map[fresh[j++]] = rank;
    }
  }
  sink.append_heap(records);
  records = {};
  sink.write_ranks(offsets);
  sink.write_hash(slots);
  offsets = {};
  slots = {};
  fresh = {};
  used_base = {};
  used_new = {};
  changes.new_terms = {};
  if (changes.terms_written) changes.terms_written();
  step("terms written");

  // 3. The new quads in new ranks.
  for (Quad4& quad : changes.quads) {
    for (Ref& r : quad) r = r < base_terms ? base_map[r] : new_map[r - base_terms];
  }
  new_map = {};

  // 4. Each index: the old one (minus removed graphs, in new ranks: the
  // map keeps order) merged with the new quads in that order, sorted in
  // two halves on two threads.
  std::size_t graphs = 0;
  std::vector<Quad4> permuted;
  for (const Order order : kOrders) {
    std::vector<Quad4>& fresh_quads = order == Order::Spog ? changes.quads : permuted;
    if (order != Order::Spog) {
      permuted.resize(changes.quads.size());
      for (std::size_t k = 0; k < changes.quads.size(); ++k) permuted[k] = to_layout(changes.quads[k], order);
    }
    const auto middle = fresh_quads.begin() + static_cast<std::ptrdiff_t>(fresh_quads.size() / 2);
    in_parallel([&] { std::sort(fresh_quads.begin(), middle, QuadLess{}); },
                [&] { std::sort(middle, fresh_quads.end(), QuadLess{}); }, fresh_quads.size());
    step(fmt::format("{} new quads sorted ({})", fresh_quads.size(), order_name(order)));

    const std::span<const Quad4> halves[2] = {{fresh_quads.data(), fresh_quads.size() / 2},
                                              {fresh_quads.data() + fresh_quads.size() / 2,
                                               fresh_quads.size() - fresh_quads.size() / 2}};
    const std::span<const Quad4> old = base.index(order);
    const int g_position = order == Order::Gspo ? 0 : 3;
    sink.begin_index(order, old.size() + fresh_quads.size());
    QuadOutput out(sink);
    Ref last_graph = kNoRef;
    std::size_t next_old = 0;
    std::size_t next[2] = {0, 0};
    Quad4 old_quad{};
    const auto advance_old = [&] {
      for (; next_old < old.size(); ++next_old) {
        const Quad4& stored = old[next_old];
        if (removed(stored[static_cast<std::size_t>(g_position)])) continue;
        for (std::size_t k = 0; k < 4; ++k) old_quad[k] = base_map[stored[k]];
        ++next_old;
        return true;
      }
      return false;
    };
    bool has_old = advance_old();
    const QuadLess less;
    while (true) {
      // The smallest of the three heads (repeats are dropped by `out`).
      const Quad4* best = has_old ? &old_quad : nullptr;
      int from = 0;
      for (int h = 0; h < 2; ++h) {
        if (next[h] < halves[h].size() && (best == nullptr || less(halves[h][next[h]], *best))) {
          best = &halves[h][next[h]];
          from = h + 1;
        }
      }
      if (best == nullptr) break;
      if (order == Order::Gspo && (*best)[0] != last_graph) {
        last_graph = (*best)[0];
        ++graphs;
      }
      out.put(*best);
      if (from == 0) has_old = advance_old();
      else ++next[from - 1];
    }
    out.flush();
    sink.end_index();
    base.release_pages();
    step(fmt::format("index {} written", order_name(order)));
  }
  return sink.finish(graphs);
}

}  // namespace ng::graph::detail
