#include "graph/sparql/lexer.hpp"

#include <fmt/format.h>

#include "common/unicode.hpp"

namespace ng::graph::sparql {

namespace {

bool is_base(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_chars_u(char32_t c) { return is_base(c) || c == '_'; }
bool is_chars(char32_t c) {
  return is_chars_u(c) || c == '-' || is_digit(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}
bool is_var_char(char32_t c) {
  return is_chars_u(c) || is_digit(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}
bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_hex(char32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_local_escape(char32_t c) {
  return std::u32string_view(U"_~.-!$&'()*+,;=/?#@%").find(c) != std::u32string_view::npos;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (true) {
      const bool spaced = skip_space();
      Token token;
      token.offset = pos_;
      token.line = line_;
      token.column = column_;
      token.spaced = spaced || tokens.empty();
      if (pos_ >= text_.size()) {
        token.kind = Token::Kind::End;
        tokens.push_back(std::move(token));
        return tokens;
      }
      read(token);
      const bool error = token.kind == Token::Kind::Error;
      tokens.push_back(std::move(token));
      if (error) {
        Token end;
        end.offset = pos_;
        end.line = line_;
        end.column = column_;
        tokens.push_back(std::move(end));
        return tokens;
      }
    }
  }

 private:
  char32_t peek(std::size_t ahead = 0) const {
    std::size_t i = pos_;
    char32_t c = 0;
    for (std::size_t k = 0; k <= ahead; ++k) {
      if (i >= text_.size()) return 0;
      c = next_code_point(text_, i);
    }
    return c;
  }
  char32_t take() {
    if (pos_ >= text_.size()) return 0;
    const char32_t c = next_code_point(text_, pos_);
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    return c;
  }
  bool skip_space() {
    bool skipped = false;
    while (pos_ < text_.size()) {
      const char32_t c = peek();
      if (is_space(c)) {
        take();
      } else if (c == '#') {
        while (pos_ < text_.size() && peek() != '\n') take();
      } else {
        break;
      }
      skipped = true;
    }
    return skipped;
  }

  void fail(Token& token, std::string message) {
    token.kind = Token::Kind::Error;
    token.text = std::move(message);
  }

  // \uXXXX or \UXXXXXXXX after the backslash (already taken): appends the
  // code point, or returns false.
  bool read_unicode_escape(std::string& out, char32_t kind) {
    const int digits = kind == 'u' ? 4 : 8;
    char32_t value = 0;
    for (int i = 0; i < digits; ++i) {
      const char32_t h = peek();
      if (!is_hex(h)) return false;
      take();
      value = value * 16 + static_cast<char32_t>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) || value == 0) return false;
    append_utf8(out, value);
    return true;
  }

  void read(Token& token) {
    const char32_t c = peek();
    if (c == '<') {
      if (read_iri(token)) return;
      take();
      token.kind = Token::Kind::Punct;
      token.text = "<";
      if (peek() == '=') {
        take();
        token.text = "<=";
      }
      return;
    }
    if (c == '"' || c == '\'') return read_string(token, c);
    if ((c == '?' || c == '$') && is_var_char(peek(1))) {
      take();
      token.kind = Token::Kind::Variable;
      while (is_var_char(peek())) append_utf8(token.text, take());
      return;
    }
    if (c == '@' && ((peek(1) | 0x20) >= 'a' && (peek(1) | 0x20) <= 'z')) {
      take();
      token.kind = Token::Kind::LangTag;
      while (true) {
        const char32_t d = peek();
        const bool alpha = (d | 0x20) >= 'a' && (d | 0x20) <= 'z';
        if (alpha || (is_digit(d) && !token.text.empty()) || (d == '-' && !token.text.empty() && token.text.back() != '-')) {
          append_utf8(token.text, take());
        } else {
          break;
        }
      }
      if (token.text.back() == '-') fail(token, "a language tag cannot end with '-'");
      return;
    }
    if (c == '_' && peek(1) == ':') {
      take();
      take();
      token.kind = Token::Kind::BlankNode;
      if (!is_chars_u(peek()) && !is_digit(peek())) return fail(token, "a blank node label is missing after '_:'");
      read_name(token.text);
      return;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return read_number(token);
    if (is_base(c) || c == ':') return read_word_or_name(token);
    if (c == '(' || c == '[') {
      // NIL and ANON: the brackets with only white space (and comments) inside.
      const std::size_t save_pos = pos_, save_line = line_, save_column = column_;
      take();
      skip_space();
      if ((c == '(' && peek() == ')') || (c == '[' && peek() == ']')) {
        take();
        token.kind = c == '(' ? Token::Kind::Nil : Token::Kind::Anon;
        token.text = c == '(' ? "()" : "[]";
        return;
      }
      pos_ = save_pos;
      line_ = save_line;
      column_ = save_column;
    }
    static constexpr std::string_view kPairs[] = {"^^", "&&", "||", "!=", ">="};
    for (std::string_view pair : kPairs) {
      if (text_.substr(pos_, 2) == pair) {
        take();
        take();
        token.kind = Token::Kind::Punct;
        token.text = std::string(pair);
        return;
      }
    }
    static constexpr std::string_view kSingles = "{}()[];,.=<>!+-*/^|?";
    if (c < 0x80 && kSingles.find(static_cast<char>(c)) != std::string_view::npos) {
      take();
      token.kind = Token::Kind::Punct;
      token.text = std::string(1, static_cast<char>(c));
      return;
    }
    std::string shown;
    append_utf8(shown, c);
    fail(token, fmt::format("unexpected character '{}'", shown));
  }

  // An IRI reference; false (nothing taken) when the text at '<' is not one,
  // so that '<' is the less-than operator.
  bool read_iri(Token& token) {
    const std::size_t save_pos = pos_, save_line = line_, save_column = column_;
    take();
    std::string iri;
    while (true) {
      const char32_t c = peek();
      if (c == '>') {
        take();
        token.kind = Token::Kind::Iri;
        token.text = std::move(iri);
        return true;
      }
      if (c == '\\' && (peek(1) == 'u' || peek(1) == 'U')) {
        take();
        if (read_unicode_escape(iri, take())) continue;
      } else if (c > 0x20 && c != '<' && c != '"' && c != '{' && c != '}' && c != '|' && c != '^' && c != '`' &&
                 c != '\\') {
        append_utf8(iri, take());
        continue;
      }
      pos_ = save_pos;
      line_ = save_line;
      column_ = save_column;
      return false;
    }
  }

  void read_string(Token& token, char32_t quote) {
    const bool long_form = peek(1) == quote && peek(2) == quote;
    take();
    if (long_form) {
      take();
      take();
    }
    token.kind = Token::Kind::String;
    while (true) {
      if (pos_ >= text_.size()) return fail(token, "a string is not closed");
      const char32_t c = peek();
      if (c == '\\') {
        take();
        const char32_t e = take();
        switch (e) {
          case 't': token.text += '\t'; break;
          case 'b': token.text += '\b'; break;
          case 'n': token.text += '\n'; break;
          case 'r': token.text += '\r'; break;
          case 'f': token.text += '\f'; break;
          case '"': token.text += '"'; break;
          case '\'': token.text += '\''; break;
          case '\\': token.text += '\\'; break;
          case 'u':
          case 'U':
            if (!read_unicode_escape(token.text, e)) return fail(token, "a bad \\u escape in a string");
            break;
          default: return fail(token, "an unknown escape in a string");
        }
        continue;
      }
      if (long_form) {
        if (c == quote && peek(1) == quote && peek(2) == quote) {
          // """a"""" ends with the last three quotes.
          if (peek(3) == quote) {
            append_utf8(token.text, take());
            continue;
          }
          take();
          take();
          take();
          return;
        }
      } else {
        if (c == quote) {
          take();
          return;
        }
        if (c == '\n' || c == '\r') return fail(token, "a line break in a short string (use \"\"\" for long strings)");
      }
      append_utf8(token.text, take());
    }
  }

  void read_number(Token& token) {
    std::string text;
    while (is_digit(peek())) text += static_cast<char>(take());
    token.kind = Token::Kind::Integer;
    if (peek() == '.' && is_digit(peek(1))) {
      text += static_cast<char>(take());
      while (is_digit(peek())) text += static_cast<char>(take());
      token.kind = Token::Kind::Decimal;
    } else if (peek() == '.' && (peek(1) == 'e' || peek(1) == 'E') && !text.empty()) {
      const char32_t after = peek(2);
      if (is_digit(after) || ((after == '+' || after == '-') && is_digit(peek(3)))) {
        text += static_cast<char>(take());
      }
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
      text += static_cast<char>(take());
      if (peek() == '+' || peek() == '-') text += static_cast<char>(take());
      while (is_digit(peek())) text += static_cast<char>(take());
      token.kind = Token::Kind::Double;
    }
    token.text = std::move(text);
  }

  // PN_PREFIX, BLANK_NODE_LABEL and variable-like names: name characters
  // and inner dots, never a final dot.
  void read_name(std::string& out) {
    while (true) {
      const char32_t c = peek();
      if (is_chars(c)) {
        append_utf8(out, take());
      } else if (c == '.' && (is_chars(peek(1)) || peek(1) == '.')) {
        // a dot only inside the name
        std::size_t ahead = 1;
        while (peek(ahead) == '.') ++ahead;
        if (!is_chars(peek(ahead))) return;
        append_utf8(out, take());
      } else {
        return;
      }
    }
  }

  void read_word_or_name(Token& token) {
    std::string prefix;
    if (peek() != ':') read_name(prefix);
    if (peek() != ':') {
      // A keyword or function name: letters, digits and '_' only.
      std::string word;
      for (char ch : prefix) {
        if (static_cast<unsigned char>(ch) >= 0x80 || ch == '.' || ch == '-') break;
        word += ch;
      }
      if (word.size() != prefix.size()) {
        return fail(token, fmt::format("'{}' is neither a keyword nor a prefixed name (missing ':'?)", prefix));
      }
      token.kind = Token::Kind::Word;
      token.text = std::move(word);
      return;
    }
    take();  // ':'
    token.kind = Token::Kind::PrefixedName;
    token.text = std::move(prefix);
    read_local(token);
  }

  // PN_LOCAL: name characters, ':', digits first, %hh kept as written and
  // \-escapes unescaped; inner dots only.
  void read_local(Token& token) {
    std::string& local = token.local;
    bool first = true;
    while (true) {
      const char32_t c = peek();
      if (is_chars_u(c) || c == ':' || is_digit(c) || (!first && is_chars(c))) {
        append_utf8(local, take());
      } else if (c == '%') {
        if (!is_hex(peek(1)) || !is_hex(peek(2))) return fail(token, "a bad %-escape in a prefixed name");
        for (int i = 0; i < 3; ++i) append_utf8(local, take());
      } else if (c == '\\') {
        if (!is_local_escape(peek(1))) return fail(token, "a bad \\-escape in a prefixed name");
        take();
        append_utf8(local, take());
      } else if (c == '.' && !first) {
        std::size_t ahead = 1;
        while (peek(ahead) == '.') ++ahead;
        const char32_t after = peek(ahead);
        if (!(is_chars(after) || after == ':' || after == '%' || after == '\\')) return;
        append_utf8(local, take());
      } else {
        return;
      }
      first = false;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

}  // namespace

std::vector<Token> tokenize(std::string_view query) { return Lexer(query).run(); }

}  // namespace ng::graph::sparql
