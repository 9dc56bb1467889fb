#include "loaders/nlp/tokenizer.hpp"

#include <unicode/uchar.h>

#include "common/unicode.hpp"

namespace ng::nlp {

namespace {

bool is_letter(char32_t cp) {
  return u_isalpha(static_cast<UChar32>(cp)) ||
         (u_getCombiningClass(static_cast<UChar32>(cp)) != 0);
}
bool is_digit(char32_t cp) { return u_isdigit(static_cast<UChar32>(cp)); }
bool is_space(char32_t cp) { return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0xFEFF; }
bool is_upper(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}
bool is_lower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }
bool is_hyphen(char32_t cp) { return cp == U'-' || cp == U'\u2010' || cp == U'\u2011'; }

enum class QuoteStyle { None, Open, Close, Either };

QuoteStyle quote_style(char32_t cp) {
  switch (cp) {
    case U'\u201C': case U'\u00AB': case U'\u201E': case U'\u2018': case U'\u2039':
    case U'\u300C': case U'\u300E': case U'\u201A':
      return QuoteStyle::Open;
    case U'\u201D': case U'\u00BB': case U'\u2019': case U'\u203A': case U'\u300D': case U'\u300F':
      return QuoteStyle::Close;
    case U'"': case U'\'': case U'\u201F': case U'\u201B':
      return QuoteStyle::Either;
    default:
      return QuoteStyle::None;
  }
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    tokens.reserve(text_.size() / 5 + 1);
    bool space_before = true;
    bool line_break = true;
    std::size_t i = 0;
    while (i < text_.size()) {
      std::size_t next = i;
      const char32_t cp = next_code_point(text_, next);
      if (is_space(cp)) {
        space_before = true;
        if (cp == U'\n' || cp == U'\u2029' || cp == U'\u2028') line_break = true;
        i = next;
        continue;
      }
      Token token;
      token.space_before = space_before;
      token.line_break_before = line_break;
      const std::size_t end = scan_token(i, cp, next, token, space_before);
      token.span = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)};
      tokens.push_back(token);
      i = end;
      space_before = false;
      line_break = false;
    }
    return tokens;
  }

 private:
  char32_t peek(std::size_t at) const {
    if (at >= text_.size()) return 0;
    std::size_t copy = at;
    return next_code_point(text_, copy);
  }

  // Returns the end of the token that starts at `begin` with code point `cp`.
  std::size_t scan_token(std::size_t begin, char32_t cp, std::size_t after_first, Token& token,
                         bool space_before) {
    if (is_letter(cp) || is_digit(cp)) return scan_word(begin, token);
    if (is_apostrophe(cp) && possessive_at(begin)) {
      token.kind = TokenKind::Punctuation;
      std::size_t end = after_first;
      next_code_point(text_, end);  // the 's'
      return end;
    }
    const QuoteStyle style = quote_style(cp);
    if (style != QuoteStyle::None) {
      token.kind = classify_quote(style, cp, after_first, space_before);
      return after_first;
    }
    token.kind = TokenKind::Punctuation;
    // "--" and "..." are one token each.
    std::size_t end = after_first;
    if (cp == U'-' || cp == U'.') {
      while (end < text_.size() && static_cast<char32_t>(text_[end]) == cp) ++end;
    }
    return end;
  }

  bool possessive_at(std::size_t at) const {
    // An apostrophe right after a word, then s, then no letter: "Russia's".
    if (at == 0) return false;
    std::size_t i = at;
    next_code_point(text_, i);
    const char32_t s = peek(i);
    if (s != U's' && s != U'S') return false;
    std::size_t after = i;
    next_code_point(text_, after);
    return !is_letter(peek(after));
  }

  TokenKind classify_quote(QuoteStyle style, char32_t cp, std::size_t after, bool space_before) const {
    if (style == QuoteStyle::Open) return TokenKind::OpenQuote;
    if (style == QuoteStyle::Close) return TokenKind::CloseQuote;
    // A straight quote opens when it follows space or an opening bracket and
    // is followed by something that is not space.
    const char32_t next = peek(after);
    const bool space_after = next == 0 || is_space(next);
    (void)cp;
    if (space_before && !space_after) return TokenKind::OpenQuote;
    return TokenKind::CloseQuote;
  }

  std::size_t scan_word(std::size_t begin, Token& token) {
    std::size_t i = begin;
    std::size_t letters = 0, uppers = 0, lowers = 0;
    bool first = true;
    bool starts_with_digit = false;
    bool dotted_abbreviation = false;  // U.S., U.N., e.g.
    while (i < text_.size()) {
      std::size_t next = i;
      const char32_t cp = next_code_point(text_, next);
      if (is_letter(cp) || is_digit(cp)) {
        if (first) {
          token.capitalized = is_upper(cp);
          starts_with_digit = is_digit(cp);
        }
        if (is_letter(cp)) {
          ++letters;
          uppers += is_upper(cp);
          lowers += is_lower(cp);
        }
        first = false;
        i = next;
        continue;
      }
      const char32_t following = peek(next);
      const bool letter_follows = is_letter(following) || is_digit(following);
      if (is_hyphen(cp) && letter_follows) {
        i = next;
        continue;
      }
      if (is_apostrophe(cp) && is_letter(following) && !possessive_at(i)) {
        i = next;  // O'Neill, don't
        continue;
      }
      if ((cp == U',' || cp == U'.' || cp == U':') && starts_with_digit && is_digit(following)) {
        i = next;  // 25,000  3.5  10:30
        continue;
      }
      if (cp == U'.' && !starts_with_digit && single_letter_run(begin, i) &&
          (is_letter(following) || dotted_abbreviation)) {
        // "U.S." and "e.g.": a dot after a one-letter run.
        dotted_abbreviation = true;
        i = next;
        if (!is_letter(following)) break;
        continue;
      }
      break;
    }
    token.kind = starts_with_digit ? TokenKind::Number : TokenKind::Word;
    token.all_caps = letters >= 2 && lowers == 0 && uppers >= 2;
    return i;
  }

  // Whether text_[begin, at) ends in a run of exactly one letter after the
  // token start or a dot ("U" in "U.S").
  bool single_letter_run(std::size_t begin, std::size_t at) const {
    std::size_t i = begin;
    std::size_t run = 0;
    while (i < at) {
      std::size_t next = i;
      const char32_t cp = next_code_point(text_, next);
      run = (cp == U'.') ? 0 : run + 1;
      i = next;
    }
    return run == 1;
  }

  std::string_view text_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) { return Scanner(text).run(); }

bool is_possessive(std::string_view t) noexcept {
  return t == "'s" || t == "'S" || t == "\u2019s" || t == "\u2019S" || t == "'" || t == "\u2019";
}

bool is_sentence_final(std::string_view t) noexcept {
  return t == "." || t == "!" || t == "?" || t == "\u2026" || t == "..." || t == "?!" || t == "!?";
}

bool is_dash(std::string_view t) noexcept {
  return t == "-" || t == "--" || t == "\u2013" || t == "\u2014" || t == "\u2012" || t == "\u2015";
}

}  // namespace ng::nlp
