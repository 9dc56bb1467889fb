#pragma once
// How the evaluation compares names and statement texts. The rules are the
// ones newsgraph's gold format has always been scored with (docs/evaluation.md),
// down to the character classes: a name or a word means the same here as in
// the Python scorer that defined the format, so that figures agree to the last
// digit. Pure functions of valid UTF-8; thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace ng::evaluation {

// A name as it is compared: Unicode NFKC, full case folding, white space at
// both ends removed, then a trailing possessive (', ’ or ` with or without
// an s) removed, dash punctuation turned into a space and every other
// punctuation character dropped, runs of white space made one space, and a
// leading "the " dropped. "The Kremlin's" and "kremlin" are the same name;
// "Jean-Luc" is "jean luc". May return "" (a name of punctuation only).
std::string normalize_name(std::string_view utf8);

// The words of a statement text: maximal runs of word characters (letters,
// characters with a numeric value, '_') in the NFKC case-folded text. Marks
// (U+0300 ...) are not word characters, so they split words.
std::vector<std::string> word_tokens(std::string_view utf8);

// Token F1 of two bags of words (multiset overlap); 0 when either is empty.
// Computed in the same order of operations as the scorer the format comes
// from, so that equal inputs give bit-identical doubles.
double token_f1(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);

// Character classes with the meaning they have in the scorer's language
// (Python 3 str methods and re's \w):
// a letter (Lu Ll Lt Lm Lo) or a character with a numeric value;
bool is_alnum(char32_t c) noexcept;
// is_alnum or '_';
bool is_word_char(char32_t c) noexcept;
// general category Zs or bidirectional class WS, B or S.
bool is_space(char32_t c) noexcept;

// The first `count` code points of `utf8` (all of it when shorter).
std::string first_code_points(std::string_view utf8, std::size_t count);

}  // namespace ng::evaluation
