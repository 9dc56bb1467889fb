#pragma once
// What the tagger knows about the words it saw in training: the tags each
// frequent word takes (its "ambiguity class", a strong feature: "that" is
// DET, PRON or SCONJ, never a noun), its most frequent tag, and whether
// the word is so frequent and unambiguous ("the", ",", "of") that it is
// tagged without scoring at all, which makes tagging fast.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ng::nlp::tagging {

struct WordInfo {
  std::uint64_t ambiguity = 0;  // hash of the sorted tag ids the word takes
  std::uint16_t top = 0;        // its most frequent tag
  bool sure = false;            // tagged `top` without scoring
};

struct LexiconOptions {
  std::uint32_t min_count = 1;      // words seen fewer times are left out
  double min_share = 0.01;          // tags rarer for the word leave its ambiguity class
  std::uint32_t sure_count = 30;    // a sure word is seen at least this often
  double sure_share = 0.995;        // ... with its top tag at least this share of the time
};

class TaggerLexicon {
 public:
  // tag counts per word form (normalised, cased), over `num_tags` tags.
  using Counts = std::map<std::string, std::vector<std::uint32_t>>;
  static TaggerLexicon build(const Counts& counts, const LexiconOptions& options);

  // The text form stored in the model file: "form TAB top TAB sure TAB ids"
  // per word, sorted by form.
  std::string serialize() const;
  // Throws ng::Error on a malformed line or a tag id >= num_tags.
  static TaggerLexicon parse(std::string_view text, std::size_t num_tags);

  // By hash_text of the normalised form.
  const WordInfo* find(std::uint64_t form_hash) const noexcept;
  std::size_t size() const noexcept { return lines_.size(); }

 private:
  void add(const std::string& form, std::uint16_t top, bool sure, std::vector<std::uint16_t> tags);
  void index();

  // Open addressing by form hash, at most half full (built by index()).
  std::vector<std::pair<std::uint64_t, WordInfo>> entries_;
  std::vector<std::uint64_t> slot_keys_;
  std::vector<std::uint32_t> slot_entries_;
  std::vector<std::string> lines_;
};

}  // namespace ng::nlp::tagging
