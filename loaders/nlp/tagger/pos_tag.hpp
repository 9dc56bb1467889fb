#pragma once
// Part-of-speech tags: the 17 universal tags of Universal Dependencies
// (UPOS) and the Penn Treebank tag (XPOS) the tagger predicts alongside,
// which tells a past tense (VBD) from a participle (VBN), a base form (VB)
// from a present (VBP), a possessive ending (POS) from "is" (VBZ).

#include <cstdint>
#include <optional>
#include <string_view>

namespace ng::nlp {

enum class Upos : std::uint8_t {
  ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X
};

std::string_view upos_name(Upos upos) noexcept;
std::optional<Upos> parse_upos(std::string_view name) noexcept;

// One word's tags. `xpos` views the tagger's tag set (valid while the
// tagger lives; the built-in tagger lives for the whole program).
struct PosTag {
  Upos upos = Upos::X;
  std::string_view xpos;
  std::uint16_t id = 0;  // the tagger's class: one per (UPOS, XPOS) pair
};

}  // namespace ng::nlp
