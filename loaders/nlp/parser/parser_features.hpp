#pragma once
// The parser's features, after Zhang and Nivre (2011) adapted to the
// arc-hybrid system: words and tags of the top three stack items and the
// first three buffer words, their pairs and triples, the closest children
// of s0, s1 and b0 (word, tag, relation), distances, valencies (how many
// children on each side), the sets of relations already attached, and the
// ambiguity classes of s0, s1, b0 and b1 (parser_lexicon.hpp).
// Words are hashed once per sentence (describe_words); features per state.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "loaders/nlp/model/feature_hash.hpp"
#include "loaders/nlp/parser/parser_lexicon.hpp"
#include "loaders/nlp/parser/transition_system.hpp"

namespace ng::nlp::parsing {

struct ParserWord {
  std::uint64_t form = 0;  // normalised, lower case
  std::uint64_t tag = 0;   // XPOS
  std::uint64_t upos = 0;
  std::uint64_t ambiguity = 0;  // the word's class in the parser lexicon
};


// Position 0 is the root; words[i] is position i + 1.
void describe_words(std::span<const std::string_view> forms, std::span<const std::string_view> xpos,
                    std::span<const std::string_view> upos, const ParserLexicon& lexicon,
                    std::vector<ParserWord>& out);

// Replaces `out` with the features of `state`: all of them, or those of
// the buffer's first words alone (the same from one SHIFT to the next, so
// the parser scores them once per buffer word), or all the others.
enum class FeaturePart : std::uint8_t { All, Buffer, State };
void add_features(const ParseState& state, std::span<const ParserWord> words, std::vector<model::FeatureKey>& out,
                  FeaturePart part = FeaturePart::All);

}  // namespace ng::nlp::parsing
