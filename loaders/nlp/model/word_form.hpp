#pragma once
// Word forms as the models see them. The treebanks newsgraph trains on are
// web text with straight quotes and ASCII dashes; news is typeset with
// curly quotes, em dashes and ellipsis characters. normalize_word maps the
// typographic forms to the treebank's, so what was learnt about `"`, `'s`,
// `n't`, `--` and `...` applies to news as well. The other helpers give the
// parts of a word the features are built from: lower case, shape, affixes.

#include <string>
#include <string_view>

namespace ng::nlp::model {

// Curly and low quotes, guillemets and primes become `"` or `'`; em and
// horizontal-bar dashes `--`; en dashes, figure dashes, Unicode hyphens and
// minus `-`; the ellipsis character `...`. Everything else is kept.
std::string normalize_word(std::string_view word);

// Lower case (ICU simple case mapping per code point; ASCII fast path).
std::string lower_word(std::string_view word);

// The word's shape: upper-case letters as X, lower-case as x, digits as d,
// other characters kept, runs longer than `max_run` cut ("Obama" -> "Xxxx",
// "1,250" -> "d,ddd", "U.S." -> "X.X.").
std::string word_shape(std::string_view word, std::size_t max_run = 3);

// The first / last `n` code points (the whole word when it is shorter).
std::string_view prefix_chars(std::string_view word, std::size_t n) noexcept;
std::string_view suffix_chars(std::string_view word, std::size_t n) noexcept;

// Number of code points.
std::size_t char_count(std::string_view word) noexcept;

}  // namespace ng::nlp::model
