#pragma once
// The pre-check of a SPARQL query before rasqal sees it. rasqal 0.9.33
// parses several things it then gets silently wrong (no rows and no error
// for EXISTS, NOT EXISTS, MINUS and DESCRIBE; success for SPARQL Update
// that changes nothing; success for an undeclared prefix); this catches
// them with a message saying what to write instead.
//
// The tokenizer skips strings, IRIs and comments, so a keyword inside a
// literal or an IRI is never mistaken for one. It is not a SPARQL parser:
// rasqal still parses the query and reports syntax errors.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/sparql.hpp"

namespace ng::graph::detail {

struct Token {
  enum class Kind { Word, PrefixedName, Variable, Iri, String, Number, LanguageTag, BlankNode, Punct };
  Kind kind = Kind::Punct;
  std::string_view text;  // a view into the query
  std::size_t offset = 0;  // byte offset in the query
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in code points
};

// Tokens of a query; comments and white space are dropped. Never throws:
// what it cannot read becomes Punct tokens for rasqal to complain about.
std::vector<Token> tokenize_sparql(std::string_view query);

enum class QueryForm { Select, Construct, Ask, Describe, Unknown };

struct QueryShape {
  QueryForm form = QueryForm::Unknown;
  std::size_t form_token = 0;                       // index of the SELECT/... token
  std::map<std::string, std::string> declared;      // PREFIX declarations of the query
  std::vector<std::string> graph_iris;              // IRIs named by GRAPH <iri> / GRAPH pfx:name
  std::vector<Token> tokens;
};

// Refuses SPARQL Update, EXISTS / NOT EXISTS, MINUS, property paths,
// SERVICE, FROM / FROM NAMED, and prefixed names whose prefix is neither
// declared nor in `predeclared`: throws QueryError naming the feature, the
// place (line, column) and a workaround.
QueryShape check_query(std::string_view query, const Prefixes& predeclared);

}  // namespace ng::graph::detail
