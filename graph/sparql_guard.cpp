#include "graph/sparql_guard.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "common/error.hpp"

namespace ng::graph::detail {

namespace {

bool is_name_start(unsigned char c) { return std::isalpha(c) != 0 || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return is_name_start(c) || std::isdigit(c) != 0 || c == '-' || c == '.'; }
bool is_iri_char(unsigned char c) {
  return c > 0x20 && c != '<' && c != '>' && c != '"' && c != '{' && c != '}' && c != '|' && c != '^' &&
         c != '`' && c != '\\';
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (skip_space_and_comments()) tokens.push_back(next());
    return tokens;
  }

 private:
  unsigned char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? static_cast<unsigned char>(text_[pos_ + ahead]) : 0;
  }
  void advance(std::size_t n = 1) {
    for (std::size_t i = 0; i < n && pos_ < text_.size(); ++i, ++pos_) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column_;  // count code points, not continuation bytes
      }
    }
  }
  bool skip_space_and_comments() {
    while (pos_ < text_.size()) {
      const unsigned char c = peek();
      if (std::isspace(c) != 0) {
        advance();
      } else if (c == '#') {
        while (pos_ < text_.size() && peek() != '\n') advance();
      } else {
        return true;
      }
    }
    return false;
  }

  Token next() {
    Token token;
    token.offset = pos_;
    token.line = line_;
    token.column = column_;
    token.kind = read(token.offset);
    token.text = text_.substr(token.offset, pos_ - token.offset);
    return token;
  }

  Token::Kind read(std::size_t start) {
    const unsigned char c = peek();
    if (c == '"' || c == '\'') return read_string(c);
    if (c == '<') {
      std::size_t i = 1;
      while (pos_ + i < text_.size() && is_iri_char(peek(i))) ++i;
      if (peek(i) == '>') {
        advance(i + 1);
        return Token::Kind::Iri;
      }
      advance(peek(1) == '=' ? 2 : 1);
      return Token::Kind::Punct;
    }
    if ((c == '?' || c == '$') && (is_name_start(peek(1)) || std::isdigit(peek(1)) != 0)) {
      advance();
      while (is_name_start(peek()) || std::isdigit(peek()) != 0) advance();
      return Token::Kind::Variable;
    }
    if (c == '@' && std::isalpha(peek(1)) != 0) {
      advance();
      while (std::isalnum(peek()) != 0 || peek() == '-') advance();
      return Token::Kind::LanguageTag;
    }
    if (c == '_' && peek(1) == ':') {
      advance(2);
      read_name_rest();
      return Token::Kind::BlankNode;
    }
    if (std::isdigit(c) != 0 || (c == '.' && std::isdigit(peek(1)) != 0)) {
      while (std::isdigit(peek()) != 0 || peek() == '.') {
        if (peek() == '.' && std::isdigit(peek(1)) == 0) break;  // a '.' ending a triple
        advance();
      }
      if (peek() == 'e' || peek() == 'E') {
        advance();
        if (peek() == '+' || peek() == '-') advance();
        while (std::isdigit(peek()) != 0) advance();
      }
      return Token::Kind::Number;
    }
    if (is_name_start(c) || c == ':') {
      while (is_name_char(peek())) advance();
      if (peek() == ':') {
        advance();
        read_name_rest();
        return Token::Kind::PrefixedName;
      }
      // A word cannot end in '.'; give the dot back (end of a triple).
      while (pos_ > start && text_[pos_ - 1] == '.') --pos_, --column_;
      return Token::Kind::Word;
    }
    static constexpr std::array<std::string_view, 6> kPairs{"^^", "&&", "||", "!=", "<=", ">="};
    for (std::string_view pair : kPairs) {
      if (text_.substr(pos_, 2) == pair) {
        advance(2);
        return Token::Kind::Punct;
      }
    }
    advance();
    return Token::Kind::Punct;
  }

  // The local part of a prefixed name or blank node label: name characters,
  // %hh escapes and \-escapes; never ending in '.'.
  void read_name_rest() {
    while (true) {
      const unsigned char c = peek();
      if (is_name_char(c) || c == ':' || std::isdigit(c) != 0) {
        advance();
      } else if (c == '%' && std::isxdigit(peek(1)) != 0 && std::isxdigit(peek(2)) != 0) {
        advance(3);
      } else if (c == '\\' && peek(1) != 0) {
        advance(2);
      } else {
        break;
      }
    }
    while (text_[pos_ - 1] == '.') --pos_, --column_;
  }

  Token::Kind read_string(unsigned char quote) {
    const bool long_form = peek(1) == quote && peek(2) == quote;
    advance(long_form ? 3 : 1);
    while (pos_ < text_.size()) {
      const unsigned char c = peek();
      if (c == '\\') {
        advance(2);
      } else if (long_form && c == quote && peek(1) == quote && peek(2) == quote) {
        advance(3);
        return Token::Kind::String;
      } else if (!long_form && c == quote) {
        advance();
        return Token::Kind::String;
      } else if (!long_form && c == '\n') {
        break;  // unterminated: rasqal reports it
      } else {
        advance();
      }
    }
    return Token::Kind::String;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

std::string upper(std::string_view word) {
  std::string out(word);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string where(const Token& token) { return fmt::format("line {}, column {}", token.line, token.column); }

bool is_word(const Token& token, std::string_view upper_word) {
  return token.kind == Token::Kind::Word && upper(token.text) == upper_word;
}

bool is_punct(const Token& token, std::string_view text) {
  return token.kind == Token::Kind::Punct && token.text == text;
}

// A token that can end a path element: an IRI, a prefixed name, `a`, or a
// closing parenthesis (of a path group).
bool ends_path_element(const Token& token) {
  return token.kind == Token::Kind::Iri || token.kind == Token::Kind::PrefixedName || is_word(token, "A") ||
         is_punct(token, ")");
}

[[noreturn]] void refuse_path(const Token& token) {
  throw QueryError(fmt::format(
      "property paths are not supported by rasqal 0.9.33 (found '{}' at {}): spell the path out with "
      "intermediate variables, e.g. ?a ex:p/ex:q ?b as ?a ex:p ?mid . ?mid ex:q ?b",
      token.text, where(token)));
}

// Words after which a parenthesis opens an expression: every SPARQL
// keyword and function name is a Word, and a word never precedes a path
// group.
bool opens_expression(const Token& previous) {
  return previous.kind == Token::Kind::Word || previous.kind == Token::Kind::PrefixedName ||
         previous.kind == Token::Kind::Iri;
}

}  // namespace

std::vector<Token> tokenize_sparql(std::string_view query) { return Lexer(query).run(); }

QueryShape check_query(std::string_view query, const Prefixes& predeclared) {
  QueryShape shape;
  shape.tokens = tokenize_sparql(query);
  const std::vector<Token>& tokens = shape.tokens;

  static constexpr std::array<std::string_view, 9> kUpdate{"INSERT", "DELETE", "LOAD", "CLEAR", "DROP",
                                                          "CREATE", "ADD",    "MOVE", "COPY"};
  int braces = 0;
  std::vector<bool> parens;  // per open parenthesis: is it an expression?
  bool in_clause = false;    // inside SELECT ... WHERE, GROUP/ORDER BY, HAVING, VALUES heads
  std::vector<const Token*> prefixed_names;

  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const Token* previous = i > 0 ? &tokens[i - 1] : nullptr;
    const Token* following = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
    const bool in_expression = !parens.empty() && parens.back();

    switch (token.kind) {
      case Token::Kind::Word: {
        const std::string word = upper(token.text);
        if (braces == 0 && std::find(kUpdate.begin(), kUpdate.end(), word) != kUpdate.end()) {
          throw QueryError(fmt::format(
              "SPARQL Update is not supported: the store is built with `newsgraph build` (found {} at {})", word,
              where(token)));
        }
        if (word == "EXISTS") {
          const bool negated = previous != nullptr && is_word(*previous, "NOT");
          const Token& at = negated ? *previous : token;
          if (negated) {
            throw QueryError(fmt::format(
                "NOT EXISTS is not supported by rasqal 0.9.33, which would silently return no rows (at {}): "
                "rewrite FILTER NOT EXISTS {{ ?x ex:p ?y }} as OPTIONAL {{ ?x ex:p ?y }} FILTER(!BOUND(?y))",
                where(at)));
          }
          throw QueryError(fmt::format(
              "EXISTS is not supported by rasqal 0.9.33, which would silently return no rows (at {}): move the "
              "pattern into the WHERE clause (with SELECT DISTINCT if it can match more than once)",
              where(at)));
        }
        if (word == "MINUS") {
          throw QueryError(fmt::format(
              "MINUS is not supported by rasqal 0.9.33, which would silently return no rows (at {}): rewrite "
              "P MINUS {{ Q }} as P OPTIONAL {{ Q }} FILTER(!BOUND(?v)), with ?v a variable only Q binds",
              where(token)));
        }
        if (word == "SERVICE") {
          throw QueryError(fmt::format(
              "SERVICE (federated query) is not supported (at {}): newsgraph queries only its own store",
              where(token)));
        }
        if (word == "FROM" && braces == 0) {
          throw QueryError(fmt::format(
              "FROM and FROM NAMED are not supported (at {}): a query runs over all of the store's graphs; "
              "use GRAPH <iri> {{ ... }} to read one graph",
              where(token)));
        }
        if (braces == 0 && shape.form == QueryForm::Unknown) {
          if (word == "SELECT") shape.form = QueryForm::Select;
          if (word == "CONSTRUCT") shape.form = QueryForm::Construct;
          if (word == "ASK") shape.form = QueryForm::Ask;
          if (word == "DESCRIBE") shape.form = QueryForm::Describe;
          if (shape.form != QueryForm::Unknown) shape.form_token = i;
        }
        if (word == "PREFIX" && following != nullptr && following->kind == Token::Kind::PrefixedName &&
            following->text.back() == ':' && i + 2 < tokens.size() && tokens[i + 2].kind == Token::Kind::Iri) {
          const std::string_view iri = tokens[i + 2].text;
          shape.declared[std::string(following->text.substr(0, following->text.size() - 1))] =
              std::string(iri.substr(1, iri.size() - 2));
          i += 2;  // the declaration itself is not a use of the prefix
          continue;
        }
        if (word == "SELECT" || word == "GROUP" || word == "ORDER" || word == "HAVING" || word == "VALUES") {
          in_clause = true;
        } else if (word == "WHERE" || word == "LIMIT" || word == "OFFSET") {
          in_clause = false;
        }
        break;
      }
      case Token::Kind::PrefixedName:
        prefixed_names.push_back(&token);
        break;
      case Token::Kind::Punct: {
        const std::string_view p = token.text;
        if (p == "{" || p == "}") {
          braces += p == "{" ? 1 : -1;
          in_clause = false;
          parens.clear();
        } else if (p == "(") {
          parens.push_back(in_expression || in_clause || braces == 0 ||
                           (previous != nullptr && opens_expression(*previous)));
        } else if (p == ")") {
          if (!parens.empty()) parens.pop_back();
        }
        if (braces == 0 || in_expression || in_clause) break;
        // Triple-pattern context: these can only be path operators here.
        if (p == "|" || p == "^" || p == "/") refuse_path(token);
        // `!` after a subject or `;` is a negated property set; after FILTER
        // or an operator it is logical not.
        const bool predicate_position =
            previous != nullptr &&
            (previous->kind == Token::Kind::Variable || previous->kind == Token::Kind::Iri ||
             previous->kind == Token::Kind::PrefixedName || previous->kind == Token::Kind::BlankNode ||
             is_punct(*previous, ";") || is_punct(*previous, "]"));
        if (p == "!" && predicate_position && following != nullptr &&
            (following->kind == Token::Kind::Iri || following->kind == Token::Kind::PrefixedName ||
             is_word(*following, "A") || is_punct(*following, "(") || is_punct(*following, "^"))) {
          refuse_path(token);
        }
        if ((p == "*" || p == "+" || p == "?") && previous != nullptr && ends_path_element(*previous)) {
          // `+1` right after a predicate is a signed number, not a path.
          const bool signed_number = p == "+" && following != nullptr &&
                                     following->kind == Token::Kind::Number &&
                                     following->offset == token.offset + 1;
          if (!signed_number) refuse_path(token);
        }
        break;
      }
      default:
        break;
    }
  }

  // The graphs named by GRAPH: see QueryEngine::execute for why.
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!is_word(tokens[i], "GRAPH")) continue;
    const Token& name = tokens[i + 1];
    if (name.kind == Token::Kind::Iri) {
      shape.graph_iris.emplace_back(name.text.substr(1, name.text.size() - 2));
    } else if (name.kind == Token::Kind::PrefixedName) {
      const std::string prefix(name.text.substr(0, name.text.find(':')));
      const std::string local(name.text.substr(name.text.find(':') + 1));
      if (const auto it = shape.declared.find(prefix); it != shape.declared.end()) {
        shape.graph_iris.push_back(it->second + local);
      } else {
        for (const auto& [p, iri] : predeclared) {
          if (p == prefix) {
            shape.graph_iris.push_back(iri + local);
            break;
          }
        }
      }
    }
  }

  for (const Token* name : prefixed_names) {
    const std::string prefix(name->text.substr(0, name->text.find(':')));
    if (shape.declared.contains(prefix)) continue;
    const bool known = std::any_of(predeclared.begin(), predeclared.end(),
                                   [&prefix](const auto& entry) { return entry.first == prefix; });
    if (!known) {
      throw QueryError(fmt::format("undeclared prefix '{}:' at {}: declare it with PREFIX {}: <...>", prefix,
                                   where(*name), prefix));
    }
  }
  return shape;
}

}  // namespace ng::graph::detail
