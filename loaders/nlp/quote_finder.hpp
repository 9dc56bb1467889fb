#pragma once
// Pairs quotation marks into quoted spans, paragraph by paragraph. Double
// quotes of any style (“ ” « » „ ") pair with each other; single quotes
// (‘ ’ ') only open a quote when no double quote is open, so apostrophes and
// quotes inside quotes do not break the pairing. A quote still open at the
// end of a paragraph continues into the next one when that one opens with a
// quotation mark (the newspaper convention for multi-paragraph quotes); one
// that closes in the next paragraph without reopening gives a second quote
// there, from the paragraph's start to the closing mark.

#include <cstdint>
#include <string_view>
#include <vector>

#include "loaders/nlp/document.hpp"

namespace ng::nlp {

struct Quote {
  std::uint32_t open_token = 0;   // the opening mark
  std::uint32_t close_token = 0;  // the closing mark (== last token of the paragraph if unclosed)
  Span content;                   // inside the marks
  std::uint32_t paragraph = 0;
  std::uint32_t words = 0;
  bool closed = true;
};

std::vector<Quote> find_quotes(std::string_view text, const std::vector<Token>& tokens,
                               const std::vector<Paragraph>& paragraphs,
                               const std::vector<Sentence>& sentences);

}  // namespace ng::nlp
