#include "loaders/nlp/model/model_file.hpp"

#include <cstdint>
#include <cstring>

#include "common/error.hpp"

namespace ng::nlp::model {

namespace {

constexpr char kMagic[8] = {'N', 'G', 'M', 'O', 'D', 'E', 'L', '1'};
constexpr std::size_t kNameBytes = 16;
constexpr std::size_t kDirectoryEntry = kNameBytes + 16;

std::size_t align16(std::size_t n) { return (n + 15) & ~std::size_t{15}; }

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <class T>
void store(std::string& out, std::size_t at, T v) {
  std::memcpy(out.data() + at, &v, sizeof v);
}

}  // namespace

void ModelFileWriter::add(std::string_view name, std::string_view bytes) {
  if (name.empty() || name.size() >= kNameBytes) throw Error("model file: bad section name");
  for (const auto& s : sections_) {
    if (s.first == name) throw Error("model file: duplicate section " + std::string(name));
  }
  sections_.emplace_back(std::string(name), std::string(bytes));
}

std::string ModelFileWriter::finish() const {
  std::size_t offset = align16(16 + kDirectoryEntry * sections_.size());
  std::string out(offset, '\0');
  std::memcpy(out.data(), kMagic, sizeof kMagic);
  store(out, 8, static_cast<std::uint32_t>(sections_.size()));
  for (std::size_t i = 0; i < sections_.size(); ++i) {
    const auto& [name, bytes] = sections_[i];
    const std::size_t entry = 16 + kDirectoryEntry * i;
    std::memcpy(out.data() + entry, name.data(), name.size());
    store(out, entry + kNameBytes, static_cast<std::uint64_t>(offset));
    store(out, entry + kNameBytes + 8, static_cast<std::uint64_t>(bytes.size()));
    out.resize(offset, '\0');
    out += bytes;
    offset = align16(out.size());
  }
  out.resize(offset, '\0');
  return out;
}

ModelFile ModelFile::view(std::string_view bytes, std::string_view what) {
  ModelFile file;
  file.what_ = std::string(what);
  if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw Error(file.what_ + ": not a newsgraph model file");
  const auto count = load<std::uint32_t>(bytes.data() + 8);
  if (count > 1024 || bytes.size() < 16 + kDirectoryEntry * count)
    throw Error(file.what_ + ": corrupt model file directory");
  for (std::size_t i = 0; i < count; ++i) {
    const char* entry = bytes.data() + 16 + kDirectoryEntry * i;
    const std::string name(entry, strnlen(entry, kNameBytes));
    const auto offset = load<std::uint64_t>(entry + kNameBytes);
    const auto size = load<std::uint64_t>(entry + kNameBytes + 8);
    if (offset > bytes.size() || size > bytes.size() - offset)
      throw Error(file.what_ + ": section " + name + " lies outside the file");
    file.sections_.emplace(name, bytes.substr(offset, size));
  }
  return file;
}

std::optional<std::string_view> ModelFile::find(std::string_view name) const {
  const auto it = sections_.find(name);
  if (it == sections_.end()) return std::nullopt;
  return it->second;
}

std::string_view ModelFile::section(std::string_view name) const {
  const auto found = find(name);
  if (!found) throw Error(what_ + ": no section " + std::string(name));
  return *found;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += line;
    out += '\n';
  }
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace ng::nlp::model
