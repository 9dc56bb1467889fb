#include "evaluation/text_match.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "common/error.hpp"
#include "common/unicode.hpp"

namespace ng::evaluation {

namespace {

// NFKC, then full case folding (U_FOLD_CASE_DEFAULT: the C and F mappings
// of CaseFolding.txt, as Python's str.casefold), as code points.
std::u32string nfkc_case_folded(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw Error(std::string("ICU has no NFKC data: ") + u_errorName(status));
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  icu::UnicodeString folded = nfkc->normalize(text, status);
  if (U_FAILURE(status)) throw Error(std::string("NFKC normalisation failed: ") + u_errorName(status));
  folded.foldCase(U_FOLD_CASE_DEFAULT);
  std::u32string out;
  out.reserve(static_cast<std::size_t>(folded.length()));
  for (std::int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    out.push_back(static_cast<char32_t>(folded.char32At(i)));
  }
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char32_t c : text) append_utf8(out, c);
  return out;
}

bool is_quote(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'`'; }

bool is_punctuation(std::int8_t category) {
  switch (category) {
    case U_CONNECTOR_PUNCTUATION:
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION: return true;
    default: return false;
  }
}

}  // namespace

bool is_alnum(char32_t c) noexcept {
  const auto cp = static_cast<UChar32>(c);
  switch (u_charType(cp)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: return true;
    default: break;
  }
  // Digits, letter numbers (Ⅻ), other numbers (½, ²) and Han numerals: all
  // have a numeric value.
  return u_getIntPropertyValue(cp, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

bool is_word_char(char32_t c) noexcept { return c == U'_' || is_alnum(c); }

bool is_space(char32_t c) noexcept {
  const auto cp = static_cast<UChar32>(c);
  if (u_charType(cp) == U_SPACE_SEPARATOR) return true;
  const UCharDirection direction = u_charDirection(cp);
  return direction == U_WHITE_SPACE_NEUTRAL || direction == U_BLOCK_SEPARATOR ||
         direction == U_SEGMENT_SEPARATOR;
}

std::string normalize_name(std::string_view utf8) {
  std::u32string text = nfkc_case_folded(utf8);
  const auto first = std::find_if_not(text.begin(), text.end(), is_space);
  const auto last = std::find_if_not(text.rbegin(), std::make_reverse_iterator(first), is_space).base();
  text = std::u32string(first, last);
  // Only the last possessive: "x's" and "x'" lose it, "x''" only its last quote.
  if (text.size() >= 2 && text.back() == U's' && is_quote(text[text.size() - 2])) {
    text.resize(text.size() - 2);
  } else if (!text.empty() && is_quote(text.back())) {
    text.pop_back();
  }
  std::u32string joined;
  bool pending_space = false;
  for (const char32_t c : text) {
    const auto category = static_cast<std::int8_t>(u_charType(static_cast<UChar32>(c)));
    char32_t kept = c;
    if (category == U_DASH_PUNCTUATION) {
      kept = U' ';
    } else if (is_punctuation(category)) {
      continue;
    }
    if (kept == U' ' || is_space(kept)) {
      pending_space = !joined.empty();
      continue;
    }
    if (pending_space) joined.push_back(U' ');
    pending_space = false;
    joined.push_back(kept);
  }
  if (joined.starts_with(U"the ")) joined.erase(0, 4);
  return to_utf8(joined);
}

std::vector<std::string> word_tokens(std::string_view utf8) {
  const std::u32string text = nfkc_case_folded(utf8);
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_word_char(text[end])) ++end;
    tokens.push_back(to_utf8(std::u32string_view(text).substr(i, end - i)));
    i = end;
  }
  return tokens;
}

double token_f1(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  std::unordered_map<std::string_view, std::size_t> gold_counts;
  for (const auto& token : gold) ++gold_counts[token];
  std::size_t common = 0;
  for (const auto& token : predicted) {
    const auto it = gold_counts.find(token);
    if (it != gold_counts.end() && it->second > 0) {
      --it->second;
      ++common;
    }
  }
  if (common == 0) return 0.0;
  const double precision = static_cast<double>(common) / static_cast<double>(gold.size());
  const double recall = static_cast<double>(common) / static_cast<double>(predicted.size());
  return 2 * precision * recall / (precision + recall);
}

std::string first_code_points(std::string_view utf8, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t n = 0; n < count && i < utf8.size(); ++n) next_code_point(utf8, i);
  return std::string(utf8.substr(0, i));
}

}  // namespace ng::evaluation
