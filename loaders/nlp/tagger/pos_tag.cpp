#include "loaders/nlp/tagger/pos_tag.hpp"

#include <array>

namespace ng::nlp {

namespace {
constexpr std::array<std::string_view, 17> kNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
}  // namespace

std::string_view upos_name(Upos upos) noexcept { return kNames[static_cast<std::size_t>(upos)]; }

std::optional<Upos> parse_upos(std::string_view name) noexcept {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Upos>(i);
  }
  return std::nullopt;
}

}  // namespace ng::nlp
