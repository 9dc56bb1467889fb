#pragma once
// The name finder's features: the word and its neighbours (forms, shapes,
// suffixes), their parts of speech from the tagger, what the lexicons know
// of them (given names, surnames, places, organisations and their
// ambiguity, demonyms, common English words), the grammar of names from
// cues.hpp (titles, organisation and place head nouns, role nouns, place
// prepositions), names of several words found whole in the lexicons, and
// the two labels predicted before. Word-level parts are computed once per
// word (describe_name_words), features per position from those hashes
// (add_name_features), without allocation once the buffers have grown.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/model/word_memo.hpp"
#include "loaders/nlp/model/feature_hash.hpp"
#include "loaders/nlp/names/name_labels.hpp"
#include "loaders/nlp/tagger/pos_tag.hpp"

namespace ng::nlp::names {

struct NameWord {
  std::uint64_t form = 0;  // normalised, cased
  std::uint64_t lower = 0;
  std::uint64_t shape = 0;
  std::uint64_t suffix3 = 0;
  std::uint64_t xpos = 0;
  std::uint32_t flags = 0;      // WordFlag bits
  std::uint8_t upos = 0;
  std::uint8_t gazetteer = 0;   // 0, or 1 + kind * 3 + position of a multi-word lexicon name
};

// What a word alone gives its NameWord: the hashes of its forms, shape
// and suffix and its lexical flags.
struct WordLexical {
  std::uint64_t form = 0;
  std::uint64_t lower = 0;
  std::uint64_t shape = 0;
  std::uint64_t suffix3 = 0;
  std::uint32_t flags = 0;
};

// The lexical part of words already described, for one lexicon (a
// NameTagger's), by the word as written: finding the flags asks up to a
// dozen lists (given names, surnames, places, organisations, cue words),
// and the forms and the shape are strings built and hashed. A word that
// opens a sentence is asked differently, so it has a memo of its own.
struct WordLexicalMemo {
  void bind(std::uint64_t owner) {
    inside.bind(owner);
    opening.bind(owner);
  }
  model::WordMemo<WordLexical> inside;   // words inside a sentence
  model::WordMemo<WordLexical> opening;  // words that open one
};

// Fills `out` with one NameWord per word; `tags` holds the tagger's tag of
// each word. `memo`, when given, must be bound to users of `lexicon` alone.
void describe_name_words(std::span<const std::string_view> words, std::span<const PosTag> tags,
                         const Lexicon& lexicon, std::vector<NameWord>& out, WordLexicalMemo* memo = nullptr);

// Whether a word outside a name may start one: a capitalised word or one
// with a digit ("5th Fleet"). Other words start no name, in training as at
// run time, and are labelled O without scoring: news writes names with
// capitals, and most words are not names.
bool may_start_name(const NameWord& word) noexcept;
// Whether a word may continue an open name: one that may start one, or a
// particle ("of", "and", "the", "de", "van"). Any other word closes the
// name before it ("the Robotics Cup victory").
bool may_continue_name(const NameWord& word) noexcept;

// The features of word `i` given the labels predicted for the two words
// before it (kOutside before the sentence). Replaces `out`.
void add_name_features(std::span<const NameWord> words, std::size_t i, Label prev1, Label prev2,
                       std::vector<model::FeatureKey>& out);

}  // namespace ng::nlp::names
