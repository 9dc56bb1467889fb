// The read side of the quad store (redland_quads.hpp): term spellings,
// mapped generations, pattern cursors; and triples_about for DESCRIBE.

#include "graph/redland_find.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::detail {

namespace fs = std::filesystem;

const char* order_name(Order order) noexcept {
  switch (order) {
    case Order::Spog: return "spog";
    case Order::Posg: return "posg";
    case Order::Ospg: return "ospg";
    case Order::Gspo: return "gspo";
  }
  return "?";
}

// --- spellings ----------------------------------------------------------------

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void append_u_escape(std::string& out, unsigned char byte) {
  out += "\\u00";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

// Which bytes need an escape in an IRI (1) or a string (2).
constexpr std::array<std::uint8_t, 256> kEscapes = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c <= 0x20; ++c) table[static_cast<std::size_t>(c)] |= 1;
  for (const char c : std::string_view("<>\"{}|^`\\")) table[static_cast<unsigned char>(c)] |= 1;
  for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] |= 2;
  table[0x7F] |= 2;
  table['"'] |= 2;
  table['\\'] |= 2;
  return table;
}();

// The escapes of ontology::to_ntriples, byte for byte; runs of bytes that
// need none are copied whole.
void append_escaped(std::string& out, std::string_view text, bool iri) {
  const std::uint8_t mask = iri ? 1 : 2;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((kEscapes[byte] & mask) == 0) continue;
    out.append(text.data() + start, i - start);
    start = i + 1;
    if (iri) {
      append_u_escape(out, byte);
      continue;
    }
    switch (byte) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: append_u_escape(out, byte);
    }
  }
  out.append(text.data() + start, text.size() - start);
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::uint32_t hex_value(std::string_view digits) {
  std::uint32_t value = 0;
  for (const char c : digits) {
    value <<= 4;
    if (c >= '0' && c <= '9') value |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'A' && c <= 'F') value |= static_cast<std::uint32_t>(c - 'A' + 10);
    else if (c >= 'a' && c <= 'f') value |= static_cast<std::uint32_t>(c - 'a' + 10);
    else throw StoreError(fmt::format("the store holds a bad escape \\u{}", digits));
  }
  return value;
}

// Undoes append_escaped on [begin, end) of `s`.
std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    const char e = s[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u':
      case 'U': {
        const std::size_t digits = e == 'u' ? 4 : 8;
        if (i + digits >= s.size()) throw StoreError("the store holds a cut escape");
        append_utf8(out, hex_value(s.substr(i + 1, digits)));
        i += digits;
        break;
      }
      default: out += e;  // \" \\ \'
    }
  }
  return out;
}

}  // namespace

void append_spelling(std::string& out, const ontology::Term& term) {
  switch (term.kind) {
    case ontology::Term::Kind::Iri:
      if (term.value.empty()) throw StoreError("an IRI term is empty");
      out += '<';
      append_escaped(out, term.value, true);
      out += '>';
      return;
    case ontology::Term::Kind::Blank:
      if (term.value.empty()) throw StoreError("a blank node term has no label");
      out += "_:";
      out += term.value;
      return;
    case ontology::Term::Kind::Literal:
      out += '"';
      append_escaped(out, term.value, false);
      out += '"';
      if (!term.language.empty()) {
        out += '@';
        out += term.language;
      } else if (!term.datatype.empty() && term.datatype != ontology::vocab::xsd::kString) {
        out += "^^<";
        append_escaped(out, term.datatype, true);
        out += '>';
      }
      return;
  }
}

ontology::Term parse_spelling(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') {
    return ontology::Term::iri(unescape(s.substr(1, s.size() - 2)));
  }
  if (s.size() >= 2 && s[0] == '_' && s[1] == ':') return ontology::Term::blank(std::string(s.substr(2)));
  if (!s.empty() && s[0] == '"') {
    std::size_t end = 1;
    while (end < s.size() && s[end] != '"') end += s[end] == '\\' ? 2 : 1;
    if (end >= s.size()) throw StoreError("the store holds an unterminated literal");
    std::string value = unescape(s.substr(1, end - 1));
    const std::string_view rest = s.substr(end + 1);
    if (rest.starts_with('@')) return ontology::Term::literal(std::move(value), {}, std::string(rest.substr(1)));
    if (rest.starts_with("^^<") && rest.ends_with('>')) {
      return ontology::Term::literal(std::move(value), unescape(rest.substr(3, rest.size() - 4)));
    }
    return ontology::Term::literal(std::move(value));
  }
  throw StoreError(fmt::format("the store holds a term it cannot read: {}", s.substr(0, 80)));
}

std::uint64_t spelling_hash(std::string_view s) noexcept {
  // Eight bytes at a time (little-endian loads: store files are for
  // little-endian hosts, like the u32 Refs in the indexes).
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  }
  std::uint64_t w = 0;
  std::memcpy(&w, p, n);
  h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  return h;
}

// --- blocks -------------------------------------------------------------------

Block Block::map_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw StoreError(fmt::format("cannot open {}: {}", path.string(), std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    throw StoreError(fmt::format("cannot read {}: {}", path.string(), std::strerror(error)));
  }
  Block block;
  block.size_ = static_cast<std::size_t>(st.st_size);
  if (block.size_ > 0) {
    void* data = ::mmap(nullptr, block.size_, PROT_READ, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) {
      const int error = errno;
      ::close(fd);
      throw StoreError(fmt::format("cannot map {}: {}", path.string(), std::strerror(error)));
    }
    block.data_ = static_cast<const std::byte*>(data);
    block.mapped_ = true;
  }
  ::close(fd);  // the mapping stays valid
  return block;
}

Block Block::own(std::vector<std::byte> bytes) {
  Block block;
  block.owned_ = std::move(bytes);
  block.data_ = block.owned_.data();
  block.size_ = block.owned_.size();
  return block;
}

Block::Block(Block&& other) noexcept { *this = std::move(other); }

Block& Block::operator=(Block&& other) noexcept {
  if (this == &other) return *this;
  if (mapped_) ::munmap(const_cast<std::byte*>(data_), size_);
  mapped_ = std::exchange(other.mapped_, false);
  size_ = std::exchange(other.size_, 0);
  owned_ = std::move(other.owned_);
  data_ = mapped_ ? other.data_ : owned_.data();
  other.data_ = nullptr;
  other.owned_.clear();
  return *this;
}

Block::~Block() {
  if (mapped_) ::munmap(const_cast<std::byte*>(data_), size_);
}

void Block::release_pages() const noexcept {
  if (mapped_ && size_ > 0) ::madvise(const_cast<std::byte*>(data_), size_, MADV_DONTNEED);
}

// --- generations ----------------------------------------------------------------

Generation::Generation(GenerationParts parts) : parts_(std::move(parts)) {
  ranks_ = parts_.ranks.as<std::uint64_t>();
  hash_ = parts_.hash.as<Ref>();
  for (std::size_t i = 0; i < 4; ++i) indexes_[i] = parts_.indexes[i].as<Quad4>();
}

Generation Generation::open(const fs::path& directory) {
  const fs::path meta_path = directory / "generation.json";
  std::ifstream meta_in(meta_path);
  if (!meta_in) throw StoreError(fmt::format("store generation {} has no generation.json", directory.string()));
  nlohmann::json meta;
  try {
    meta = nlohmann::json::parse(meta_in);
  } catch (const nlohmann::json::exception&) {
    throw StoreError(fmt::format("store generation {} is damaged: generation.json is not JSON", directory.string()));
  }
  GenerationParts parts;
  parts.heap = Block::map_file(directory / "terms.dat");
  parts.ranks = Block::map_file(directory / "terms.rank");
  parts.hash = Block::map_file(directory / "terms.hash");
  for (const Order order : kOrders) {
    parts.indexes[static_cast<int>(order)] = Block::map_file(directory / (std::string("quads.") + order_name(order)));
  }
  const std::size_t terms = meta.value("terms", std::size_t{0});
  const std::size_t quads = meta.value("quads", std::size_t{0});
  bool consistent = parts.ranks.size() == terms * sizeof(std::uint64_t) &&
                    parts.heap.size() >= meta.value("heap_bytes", std::size_t{0});
  const std::size_t slots = parts.hash.size() / sizeof(Ref);
  consistent = consistent && (terms == 0 || (slots >= terms && (slots & (slots - 1)) == 0));
  for (const Block& index : parts.indexes) consistent = consistent && index.size() == quads * sizeof(Quad4);
  if (!consistent) throw StoreError(fmt::format("store generation {} is damaged: its files do not match generation.json",
                                                directory.string()));
  return Generation(std::move(parts));
}

std::string_view Generation::spelling(Ref ref) const noexcept {
  const std::byte* at = parts_.heap.data() + ranks_[ref];
  std::uint32_t length = 0;
  std::memcpy(&length, at, sizeof length);
  return {reinterpret_cast<const char*>(at + sizeof length), length};
}

std::optional<Ref> Generation::find(std::string_view spelling_text) const noexcept {
  if (hash_.empty()) return std::nullopt;
  const std::size_t mask = hash_.size() - 1;
  for (std::size_t slot = spelling_hash(spelling_text) & mask;; slot = (slot + 1) & mask) {
    const Ref entry = hash_[slot];
    if (entry == 0) return std::nullopt;
    if (spelling(entry - 1) == spelling_text) return entry - 1;
  }
}

std::optional<Ref> Generation::find(const ontology::Term& term) const {
  std::string text;
  append_spelling(text, term);
  return find(text);
}

std::span<const std::byte> Generation::heap() const noexcept { return {parts_.heap.data(), parts_.heap.size()}; }

void Generation::release_pages() const noexcept {
  parts_.heap.release_pages();
  parts_.ranks.release_pages();
  for (const Block& index : parts_.indexes) index.release_pages();
}

// --- lookups ------------------------------------------------------------------

std::span<const Quad4> prefix_range(std::span<const Quad4> index, const Quad4& key, int bound) noexcept {
  if (bound == 0) return index;
  const auto less = [bound](const Quad4& a, const Quad4& b) {
    for (int i = 0; i < bound; ++i) {
      if (a[static_cast<std::size_t>(i)] != b[static_cast<std::size_t>(i)]) {
        return a[static_cast<std::size_t>(i)] < b[static_cast<std::size_t>(i)];
      }
    }
    return false;
  };
  const auto [first, last] = std::equal_range(index.begin(), index.end(), key, less);
  return index.subspan(static_cast<std::size_t>(first - index.begin()), static_cast<std::size_t>(last - first));
}

Cursor::Cursor(const Generation& generation, const Quad4& pattern, bool distinct_triples) : pattern_(pattern) {
  int best_bound = -1;
  for (const Order order : kOrders) {
    const Quad4 key = to_layout(pattern, order);
    int bound = 0;
    while (bound < 4 && key[static_cast<std::size_t>(bound)] != kNoRef) ++bound;
    if (bound < best_bound) continue;
    const std::span<const Quad4> range = prefix_range(generation.index(order), key, bound);
    if (bound > best_bound || range.size() < range_.size()) {
      best_bound = bound;
      range_ = range;
      order_ = order;
    }
  }
  int bound_parts = 0;
  for (const Ref r : pattern) bound_parts += r != kNoRef ? 1 : 0;
  filter_ = bound_parts > best_bound;
  // Repeats of a triple are adjacent when g comes last and is unbound.
  distinct_ = distinct_triples && pattern[kG] == kNoRef && order_ != Order::Gspo;
  settle();
}

void Cursor::next() noexcept {
  if (at_end()) return;
  ++position_;
  settle();
}

void Cursor::settle() noexcept {
  for (; position_ < range_.size(); ++position_) {
    const Quad4 quad = from_layout(range_[position_], order_);
    if (filter_) {
      bool match = true;
      for (std::size_t i = 0; i < 4; ++i) match = match && (pattern_[i] == kNoRef || pattern_[i] == quad[i]);
      if (!match) continue;
    }
    if (distinct_ && emitted_ && quad[kS] == current_[kS] && quad[kP] == current_[kP] && quad[kO] == current_[kO]) {
      continue;
    }
    current_ = quad;
    emitted_ = true;
    return;
  }
}

std::vector<Ref> graph_refs(const Generation& generation) {
  std::vector<Ref> graphs;
  const std::span<const Quad4> index = generation.index(Order::Gspo);
  for (std::size_t i = 0; i < index.size();) {
    const Ref g = index[i][0];
    graphs.push_back(g);
    i += prefix_range(index.subspan(i), {g, 0, 0, 0}, 1).size();
  }
  return graphs;
}

std::vector<ontology::Triple> triples_about(Store::Native& native, librdf_node* subject) {
  native.compact();
  std::vector<ontology::Triple> triples;
  const auto ref = native.base.find(redland::to_term(subject));
  if (!ref) return triples;
  const ontology::Term subject_term = parse_spelling(native.base.spelling(*ref));
  for (Cursor cursor(native.base, {*ref, kNoRef, kNoRef, kNoRef}, true); !cursor.at_end(); cursor.next()) {
    triples.push_back({subject_term, parse_spelling(native.base.spelling(cursor.quad()[kP])),
                       parse_spelling(native.base.spelling(cursor.quad()[kO]))});
  }
  return triples;
}

}  // namespace ng::graph::detail
