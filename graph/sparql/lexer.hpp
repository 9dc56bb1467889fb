#pragma once
// The SPARQL 1.1 tokenizer: query text to tokens with line and column, the
// escapes of strings and IRIs decoded. It never throws: text it cannot read
// becomes an Error token, which the parser reports with its place.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ng::graph::sparql {

struct Token {
  enum class Kind {
    Word,          // a keyword, a function name, `a`, `true`, `false` (text as written)
    Iri,           // <...>: text is the decoded IRI, without brackets
    PrefixedName,  // pfx:local: text is "pfx", local is the unescaped local part
    BlankNode,     // _:label: text is the label
    Variable,      // ?x or $x: text is the name
    String,        // text is the decoded string
    LangTag,       // @en-GB: text is "en-GB"
    Integer,       // unsigned; text as written
    Decimal,
    Double,
    Nil,   // ( ) with only white space inside
    Anon,  // [ ] with only white space inside
    Punct,  // { } ( ) [ ] ; , . = != < > <= >= && || ! + - * / ^^ ^ | ?
    Error,  // text is the message
    End,
  };
  Kind kind = Kind::End;
  std::string text;
  std::string local;        // PrefixedName only
  std::size_t offset = 0;   // byte offset in the query
  std::size_t line = 1;     // 1-based
  std::size_t column = 1;   // 1-based, in code points
  bool spaced = true;       // white space or a comment came before it
};

// All tokens of a query, ending with an End token. Comments and white space
// are dropped.
std::vector<Token> tokenize(std::string_view query);

}  // namespace ng::graph::sparql
