#pragma once
// The Penn tags each frequent word takes in the parser's training data (its
// ambiguity class): a second opinion beside the one tag the tagger chose.
// When the tagger calls "saw" a VBD, the parser still knows it is a noun
// in some sentences; trained on tags as imperfect as the tagger's, it
// learns when the class tells more than the tag.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ng::nlp::parsing {

class ParserLexicon {
 public:
  // Tag counts per word form (normalised, lower case).
  using Counts = std::map<std::string, std::map<std::string, std::uint32_t>>;
  // Words seen at least `min_count` times; tags under `min_share` of a
  // word's occurrences are left out of its class.
  static ParserLexicon build(const Counts& counts, std::uint32_t min_count = 5, double min_share = 0.02);

  // "form TAB tag tag..." per word, sorted by form.
  std::string serialize() const;
  // Throws ng::Error on a malformed line.
  static ParserLexicon parse(std::string_view text);

  // The class of a word by hash_text of its normalised lower-case form; a
  // fixed "unknown" value for words the lexicon lacks.
  std::uint64_t ambiguity(std::uint64_t form_hash) const noexcept;
  std::size_t size() const noexcept { return lines_.size(); }

 private:
  void add(const std::string& form, const std::vector<std::string>& tags);

  std::vector<std::uint64_t> slot_keys_;    // open addressing, at most half full
  std::vector<std::uint64_t> slot_values_;  // 0 = free slot
  std::size_t count_ = 0;
  std::vector<std::string> lines_;
};

}  // namespace ng::nlp::parsing
