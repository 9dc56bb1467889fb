#pragma once
// Groups tokens into paragraphs (split at line breaks) and sentences (split
// after . ! ? when the next token can start a sentence), without splitting
// after abbreviations ("Gen.", "Jan.", "U.S."), initials ("J. R."), or
// inside numbers. Marks the headline (first paragraph, when the article has
// a title) and datelines ("JAKARTA -", "KYIV (Reuters) -").

#include <string_view>
#include <vector>

#include "loaders/nlp/document.hpp"

namespace ng::nlp {

struct SentenceSplit {
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
};

SentenceSplit split_sentences(std::string_view text, const std::vector<Token>& tokens, bool has_title);

// Whether `word` (without its dot) is an abbreviation that a dot does not end
// a sentence after: titles (Mr, Gen, Gov), months (Jan, Sept), and others.
bool is_abbreviation(std::string_view word) noexcept;

}  // namespace ng::nlp
