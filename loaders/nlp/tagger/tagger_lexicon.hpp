#pragma once
// What the tagger knows about words: for the words of its training data,
// the tags each takes (its "ambiguity class", a strong feature: "that" is
// DET, PRON or SCONJ, never a noun), its most frequent tag, and whether it
// is so frequent and unambiguous ("the", ",", "of") that it is tagged
// without scoring at all, which makes tagging fast; for the words of
// WordNet, which parts of speech they can have (wordnet_classes.hpp).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ng::nlp::tagging {

struct WordInfo {
  std::uint32_t ambiguity = 0;  // hash of the sorted tag ids the word takes in training
  std::uint16_t top = 0;        // its most frequent tag in training
  std::uint16_t wordnet = 0;    // WordnetClass bits (lower-case forms)
  bool trained = false;         // seen in training: `ambiguity` and `top` are set
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
  // Tag counts per word form (normalised, cased), over the tagger's tags.
  using Counts = std::map<std::string, std::vector<std::uint32_t>>;
  // Word forms (lower case) with their WordnetClass bits.
  using Wordnet = std::map<std::string, std::uint16_t>;
  static TaggerLexicon build(const Counts& counts, const LexiconOptions& options, const Wordnet& wordnet);

  // The forms stored in the model file: the training words as text, "form
  // TAB top TAB sure TAB ids" per word sorted by form; the WordNet classes
  // as binary, a count then {u32 form hash, u16 classes} sorted by hash.
  std::string serialize_words() const;
  std::string serialize_wordnet() const;
  // Throws ng::Error on a malformed line, a tag id >= num_tags or a
  // truncated WordNet section.
  static TaggerLexicon parse(std::string_view words, std::string_view wordnet, std::size_t num_tags);

  // By hash_text of the normalised form (cased for training words, lower
  // case for WordNet's); null when neither knows it.
  const WordInfo* find(std::uint64_t form_hash) const noexcept;
  std::size_t size() const noexcept { return count_; }

 private:
  void add_word(const std::string& form, std::uint16_t top, bool sure, std::vector<std::uint16_t> tags);
  void index();

  // Keys are the low 32 bits of the form hash: with a few hundred thousand
  // forms, two sharing a key is a handful of cases, and costs nothing but a
  // merged entry. The entries live in the slots of an open-addressed
  // table (at most half full): one cache miss per lookup.
  struct Slot {
    std::uint32_t key = 0;
    bool used = false;
    WordInfo info;
  };
  std::vector<std::pair<std::uint32_t, WordInfo>> entries_;  // while building
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
  std::vector<std::string> lines_;
};

}  // namespace ng::nlp::tagging
