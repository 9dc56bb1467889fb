#pragma once
// Splits text into tokens with byte offsets. Words keep inner hyphens,
// apostrophes and abbreviation dots ("al-Assad", "O'Neill", "U.S."); the
// possessive "'s" is a token of its own so that "Russia's" yields the name
// "Russia"; quotation marks of every style (straight, curly, guillemets,
// low-9) become open or close quote tokens.

#include <string_view>
#include <vector>

#include "loaders/nlp/document.hpp"

namespace ng::nlp {

std::vector<Token> tokenize(std::string_view text);

// Helpers on the text of a token.
bool is_possessive(std::string_view token_text) noexcept;  // "'s", "’s", "'", "’"
bool is_sentence_final(std::string_view token_text) noexcept;  // ".", "!", "?", "…"
bool is_dash(std::string_view token_text) noexcept;  // "-", "–", "—", "--"

}  // namespace ng::nlp
