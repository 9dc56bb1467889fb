#pragma once
// A read-only hash index from names to row numbers, matching names the way
// Lexicon promises (see lexicon.hpp): case-folded comparison plus a check
// of the capitals the stored name demands. Internal to lexicons/.
//
// Keys are views into text the caller keeps alive (the embedded TSV data).
// find() neither allocates nor throws; after build() the index is
// immutable and safe to share between threads.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ng::nlp::detail {

enum class CaseRule : std::uint8_t {
  // Stored capitals at word starts and short acronyms must be matched.
  kInitials,
  // Any case ("The" finds "the").
  kInsensitive,
};

// The simple case folding the generator mirrors (textnorm.fold): ASCII,
// Latin-1, Latin Extended-A, Greek and Cyrillic capitals to lower case, the
// typographic apostrophe to the ASCII one; anything else unchanged.
char32_t fold_code_point(char32_t cp) noexcept;

class NameIndex {
 public:
  void reserve(std::size_t count);
  // Appends a key; its row number is the number of keys added before it.
  void add(std::string_view key);
  // Builds the hash table; call once after the last add().
  void build();

  std::optional<std::uint32_t> find(std::string_view name, CaseRule rule) const noexcept;
  std::size_t size() const noexcept { return keys_.size(); }

 private:
  std::vector<std::string_view> keys_;
  std::vector<std::uint32_t> hashes_;  // until build()
  // Per slot, the key's hash (high half) and row + 1 (low half; 0 is an
  // empty slot): a probe compares hashes in the slot itself, and reads a
  // key only when its hash matches. Most lookups are misses (a capitalised
  // word is asked of every list), and each would otherwise cost a second
  // cache miss in hashes_.
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
};

}  // namespace ng::nlp::detail
