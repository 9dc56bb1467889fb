#include "pipeline/input_records.hpp"

#include <sys/stat.h>
#include <time.h>

#include <cstring>
#include <filesystem>
#include <string_view>

namespace ng::pipeline {

namespace {

constexpr std::string_view kTable = "input-files";
// Bump when what a reader makes of a file, or an article's fingerprint or
// IRI, changes: records of older builds are then not trusted.
constexpr std::string_view kFormat = "newsgraph-input-record-1";

void put_u64(std::string& out, std::uint64_t value) {
  char bytes[8];
  std::memcpy(bytes, &value, sizeof bytes);
  out.append(bytes, sizeof bytes);
}

void put_text(std::string& out, std::string_view text) {
  put_u64(out, text.size());
  out.append(text);
}

// Reads what put_u64/put_text wrote; fails (and stays failed) past the end.
struct Reader {
  std::string_view rest;
  bool ok = true;

  std::uint64_t u64() {
    if (rest.size() < 8) {
      ok = false;
      return 0;
    }
    std::uint64_t value = 0;
    std::memcpy(&value, rest.data(), sizeof value);
    rest.remove_prefix(8);
    return value;
  }
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  std::string text() {
    const std::uint64_t size = u64();
    if (!ok || size > rest.size()) {
      ok = false;
      return {};
    }
    std::string out(rest.substr(0, size));
    rest.remove_prefix(size);
    return out;
  }
};

std::int64_t ns(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + static_cast<std::int64_t>(t.tv_nsec);
}

}  // namespace

std::optional<FileStamp> stamp_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  FileStamp stamp;
  stamp.device = static_cast<std::uint64_t>(st.st_dev);
  stamp.inode = static_cast<std::uint64_t>(st.st_ino);
  stamp.size = static_cast<std::uint64_t>(st.st_size);
  stamp.mtime_ns = ns(st.st_mtim);
  stamp.ctime_ns = ns(st.st_ctim);
  return stamp;
}

std::int64_t wall_clock_ns() {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return ns(now);
}

std::string InputRecords::key(const std::string& given_path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(given_path, error);
  if (error) absolute = given_path;
  return absolute.lexically_normal().generic_string();
}

std::optional<InputRecord> InputRecords::unchanged(const graph::Store& store, const std::string& given_path) const {
  const std::optional<std::string> bytes = store.side_value(kTable, key(given_path));
  if (!bytes) return std::nullopt;
  std::optional<InputRecord> record = decode(*bytes);
  if (!record || record->given_path != given_path) return std::nullopt;
  // Racily clean: changed within a tick of its read, it may have changed
  // again unseen after the read.
  if (record->stamp.ctime_ns + tick_ >= record->read_at_ns) return std::nullopt;
  const std::optional<FileStamp> now = stamp_file(given_path);
  if (!now || *now != record->stamp) return std::nullopt;
  return record;
}

std::vector<std::string> InputRecords::matching(const graph::Store& store,
                                                const std::function<bool(const std::string& key)>& drop) {
  std::vector<std::string> keys;
  store.scan_side_table(kTable, "", [&](std::string_view key, std::string_view) {
    std::string path(key);
    if (drop(path)) keys.push_back(std::move(path));
    return true;
  });
  return keys;
}

std::vector<std::string> InputRecords::prune(graph::Store& store,
                                             const std::function<bool(const std::string& key)>& drop) {
  // Keys first: the scan's cursor must not see its table change under it.
  std::vector<std::string> keys = matching(store, drop);
  for (const std::string& key : keys) store.erase_side_value(kTable, key);
  return keys;
}

void InputRecords::keep(InputRecord record) {
  // A record that could never be trusted is not worth writing.
  if (record.stamp.ctime_ns + tick_ >= record.read_at_ns) return;
  kept_.push_back(std::move(record));
}

void InputRecords::write(graph::Store& store) const {
  for (const InputRecord& record : kept_) store.set_side_value(kTable, key(record.given_path), encode(record));
}

std::string InputRecords::encode(const InputRecord& record) const {
  std::string out;
  put_text(out, kFormat);
  put_text(out, settings_);
  put_text(out, record.given_path);
  put_u64(out, record.stamp.device);
  put_u64(out, record.stamp.inode);
  put_u64(out, record.stamp.size);
  put_u64(out, static_cast<std::uint64_t>(record.stamp.mtime_ns));
  put_u64(out, static_cast<std::uint64_t>(record.stamp.ctime_ns));
  put_u64(out, static_cast<std::uint64_t>(record.read_at_ns));
  put_u64(out, record.articles_read);
  put_u64(out, record.articles.size());
  for (const auto& article : record.articles) {
    put_text(out, article.url);
    put_text(out, article.fingerprint);
    put_text(out, article.origin);
  }
  return out;
}

std::optional<InputRecord> InputRecords::decode(std::string_view bytes) const {
  Reader in{bytes};
  if (in.text() != kFormat || !in.ok || in.text() != settings_ || !in.ok) return std::nullopt;
  InputRecord record;
  record.given_path = in.text();
  record.stamp.device = in.u64();
  record.stamp.inode = in.u64();
  record.stamp.size = in.u64();
  record.stamp.mtime_ns = in.i64();
  record.stamp.ctime_ns = in.i64();
  record.read_at_ns = in.i64();
  record.articles_read = in.u64();
  const std::uint64_t count = in.u64();
  // Each article takes at least 24 bytes: a damaged count is not a size to allocate.
  if (!in.ok || count > in.rest.size() / 24) return std::nullopt;
  record.articles.reserve(count);
  for (std::uint64_t i = 0; i < count && in.ok; ++i) {
    InputRecord::Article article;
    article.url = in.text();
    article.fingerprint = in.text();
    article.origin = in.text();
    record.articles.push_back(std::move(article));
  }
  if (!in.ok || !in.rest.empty()) return std::nullopt;
  return record;
}

}  // namespace ng::pipeline
