#include "loaders/nlp/model/word_form.hpp"

#include <unicode/uchar.h>

#include "common/unicode.hpp"

namespace ng::nlp::model {

namespace {

bool is_continuation(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

bool is_ascii(std::string_view s) noexcept {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// The treebank spelling of a typographic character, or null to keep it.
const char* ascii_form(char32_t cp) noexcept {
  switch (cp) {
    case U'\u201C': case U'\u201D': case U'\u201E': case U'\u201F': case U'\u00AB': case U'\u00BB':
    case U'\u2033': case U'\u301D': case U'\u301E':
      return "\"";
    case U'\u2018': case U'\u2019': case U'\u201A': case U'\u201B': case U'\u2039': case U'\u203A':
    case U'\u2032': case U'\u02BC': case U'\u00B4':
      return "'";
    case U'\u2014': case U'\u2015':
      return "--";
    case U'\u2010': case U'\u2011': case U'\u2012': case U'\u2013': case U'\u2212':
      return "-";
    case U'\u2026':
      return "...";
    default:
      return nullptr;
  }
}

}  // namespace

std::string normalize_word(std::string_view word) {
  if (is_ascii(word)) return std::string(word);
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(word, i);
    if (const char* ascii = ascii_form(cp)) {
      out += ascii;
    } else {
      out.append(word.substr(start, i - start));
    }
  }
  return out;
}

std::string lower_word(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  if (is_ascii(word)) {
    for (char c : word) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  }
  for (std::size_t i = 0; i < word.size();) {
    const char32_t cp = next_code_point(word, i);
    append_utf8(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
  }
  return out;
}

std::string word_shape(std::string_view word, std::size_t max_run) {
  std::string out;
  char last = 0;
  std::size_t run = 0;
  for (std::size_t i = 0; i < word.size();) {
    const std::size_t start = i;
    char32_t cp;
    if (static_cast<unsigned char>(word[i]) < 0x80) {
      cp = static_cast<unsigned char>(word[i++]);
    } else {
      cp = next_code_point(word, i);
    }
    char kind;
    std::string_view other;
    const auto c = static_cast<UChar32>(cp);
    if (cp < 0x80 && cp >= 'A' && cp <= 'Z') kind = 'X';
    else if (cp < 0x80 && cp >= 'a' && cp <= 'z') kind = 'x';
    else if (cp < 0x80 && cp >= '0' && cp <= '9') kind = 'd';
    else if (cp >= 0x80 && (u_isupper(c) || u_istitle(c))) kind = 'X';
    else if (cp >= 0x80 && u_isalpha(c)) kind = 'x';
    else if (cp >= 0x80 && u_isdigit(c)) kind = 'd';
    else {
      kind = 0;
      other = word.substr(start, i - start);
    }
    if (kind == 0) {
      out.append(other);
      last = 0;
      run = 0;
      continue;
    }
    run = (kind == last) ? run + 1 : 1;
    last = kind;
    if (run <= max_run) out += kind;
  }
  return out;
}

std::string_view prefix_chars(std::string_view word, std::size_t n) noexcept {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < word.size() && seen < n; ++seen) {
    ++i;
    while (i < word.size() && is_continuation(static_cast<unsigned char>(word[i]))) ++i;
  }
  return word.substr(0, i);
}

std::string_view suffix_chars(std::string_view word, std::size_t n) noexcept {
  std::size_t i = word.size();
  for (std::size_t seen = 0; i > 0 && seen < n; ++seen) {
    --i;
    while (i > 0 && is_continuation(static_cast<unsigned char>(word[i]))) --i;
  }
  return word.substr(i);
}

std::size_t char_count(std::string_view word) noexcept {
  std::size_t n = 0;
  for (unsigned char c : word) n += !is_continuation(c);
  return n;
}

}  // namespace ng::nlp::model
