#include "lexicons/name_index.hpp"

#include <bit>

namespace ng::nlp::detail {
namespace {

// Decodes one code point at text[i] and advances i. Invalid UTF-8 is not
// an error here: each bad byte stands for itself (as U+DC80..U+DCFF, which
// no stored key contains), so such names simply do not match.
char32_t next(std::string_view text, std::size_t& i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  std::size_t length = 1;
  char32_t cp = b0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    cp = b0 & 0x07u;
  } else if (b0 >= 0x80) {
    ++i;
    return 0xDC00u + b0;
  }
  if (i + length > text.size()) {
    ++i;
    return 0xDC00u + b0;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0u) != 0x80u) {
      ++i;
      return 0xDC00u + b0;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  i += length;
  return cp;
}

bool is_upper(char32_t cp) noexcept { return cp != U'\u2019' && fold_code_point(cp) != cp; }

bool is_word_break(char32_t cp) noexcept { return cp == U' ' || cp == U'-'; }

char32_t fold_ascii(unsigned char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char32_t>(c + 0x20) : static_cast<char32_t>(c);
}

std::uint32_t folded_hash(std::string_view text) noexcept {
  std::uint64_t hash = 14695981039346656037ULL;
  for (std::size_t i = 0; i < text.size();) {
    // ASCII is nearly all of the data and of news text: no decoding.
    const auto c = static_cast<unsigned char>(text[i]);
    const char32_t folded = c < 0x80 ? (++i, fold_ascii(c)) : fold_code_point(next(text, i));
    hash ^= folded;
    hash *= 1099511628211ULL;
  }
  return static_cast<std::uint32_t>(hash ^ (hash >> 32));
}

// Whether the stored word starting at key[i] is an acronym of two or three
// capitals ("US", "UN", "EU"), which must be matched exactly.
bool short_acronym_at(std::string_view key, std::size_t i) noexcept {
  std::size_t letters = 0;
  while (i < key.size()) {
    const char32_t cp = next(key, i);
    if (is_word_break(cp)) {
      break;
    }
    if (!is_upper(cp) || ++letters > 3) {
      return false;
    }
  }
  return letters >= 2;
}

bool matches(std::string_view key, std::string_view name, CaseRule rule) noexcept {
  std::size_t k = 0;
  std::size_t n = 0;
  bool word_start = true;
  bool exact_word = false;
  while (k < key.size() && n < name.size()) {
    if (word_start && rule == CaseRule::kInitials) {
      exact_word = short_acronym_at(key, k);
    }
    const char32_t a = next(key, k);
    const char32_t b = next(name, n);
    if (exact_word ? a != b : fold_code_point(a) != fold_code_point(b)) {
      return false;
    }
    if (rule == CaseRule::kInitials && word_start && is_upper(a) && !is_upper(b)) {
      return false;
    }
    word_start = is_word_break(a);
  }
  return k == key.size() && n == name.size();
}

}  // namespace

char32_t fold_code_point(char32_t cp) noexcept {
  if (cp >= U'A' && cp <= U'Z') {
    return cp + 0x20;
  }
  if (cp < 0x80) {
    return cp;
  }
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
    return cp + 0x20;
  }
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) {
    return cp | 1u;
  }
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) {
    return cp % 2 == 1 ? cp + 1 : cp;
  }
  if (cp == 0x178) {
    return 0xFF;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) {
    return cp + 0x20;
  }
  if (cp >= 0x410 && cp <= 0x42F) {
    return cp + 0x20;
  }
  if (cp >= 0x400 && cp <= 0x40F) {
    return cp + 0x50;
  }
  if (cp == 0x2019) {
    return U'\'';
  }
  return cp;
}

void NameIndex::reserve(std::size_t count) {
  keys_.reserve(count);
  hashes_.reserve(count);
}

void NameIndex::add(std::string_view key) {
  keys_.push_back(key);
  hashes_.push_back(folded_hash(key));
}

void NameIndex::build() {
  // Open addressing at a load factor of at most one half.
  const std::size_t capacity = std::bit_ceil(keys_.size() * 2 + 2);
  mask_ = capacity - 1;
  slots_.assign(capacity, 0);
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    std::size_t slot = hashes_[row] & mask_;
    while (slots_[slot] != 0) {
      slot = (slot + 1) & mask_;
    }
    slots_[slot] = (std::uint64_t{hashes_[row]} << 32) | static_cast<std::uint32_t>(row + 1);
  }
  // The slots hold the hashes now.
  hashes_ = {};
}

std::optional<std::uint32_t> NameIndex::find(std::string_view name,
                                             CaseRule rule) const noexcept {
  if (slots_.empty() || name.empty()) {
    return std::nullopt;
  }
  const std::uint32_t hash = folded_hash(name);
  for (std::size_t slot = hash & mask_; slots_[slot] != 0; slot = (slot + 1) & mask_) {
    if (slots_[slot] >> 32 != hash) {
      continue;
    }
    const auto row = static_cast<std::uint32_t>(slots_[slot]) - 1;
    if (matches(keys_[row], name, rule)) {
      return row;
    }
  }
  return std::nullopt;
}

}  // namespace ng::nlp::detail
