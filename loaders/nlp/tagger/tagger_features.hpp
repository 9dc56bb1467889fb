#pragma once
// The tagger's features (in the tradition of Ratnaparkhi 1996 and Collins
// 2002): the word, its lower case, shape and affixes, its neighbours, the
// two tags predicted before it, and the ambiguity classes of the word and
// the words after it (what tags they can take, from the training data).
// Word-level parts are computed once per word (describe_words), features
// per position from those hashes (add_features), without allocation.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "loaders/nlp/model/feature_hash.hpp"
#include "loaders/nlp/model/word_memo.hpp"
#include "loaders/nlp/tagger/tagger_lexicon.hpp"

namespace ng::nlp::tagging {

struct WordData {
  std::uint64_t form = 0;   // normalised, cased
  std::uint64_t lower = 0;
  std::uint64_t shape = 0;
  std::uint64_t prefix[3] = {};
  std::uint64_t suffix[4] = {};
  std::uint64_t ambiguity = 0;
  std::uint32_t flags = 0;
  std::uint16_t wordnet = 0;       // WordnetClass bits, 0 when WordNet lacks the word
  const WordInfo* info = nullptr;  // training statistics; null for words training never showed
};

// The descriptions of words already seen, for one lexicon (a Tagger's),
// keyed by the word as written: computing one builds a dozen strings
// (normalised form, lower case, shape, affixes), hashes them and looks the
// word up twice in the lexicon.
using WordDataMemo = model::WordMemo<WordData>;

// Fills `out` with one WordData per word. `memo`, when given, must be bound
// to owners of `lexicon` alone.
void describe_words(std::span<const std::string_view> words, const TaggerLexicon& lexicon,
                    std::vector<WordData>& out, WordDataMemo* memo = nullptr);

// The features of word `i` given the tags predicted for the two words
// before it (`kNoTag` before the sentence start). Replaces `out`.
inline constexpr std::uint32_t kNoTag = 0xffff;
void add_features(std::span<const WordData> words, std::size_t i, std::uint32_t prev1, std::uint32_t prev2,
                  std::vector<model::FeatureKey>& out);

}  // namespace ng::nlp::tagging
