#pragma once
// The SPARQL 1.1 query parser: text to the algebra of graph/sparql/query.hpp
// (a recursive-descent parser over the grammar of SPARQL 1.1 section 19,
// translating group graph patterns as section 18.2 says).
//
// Throws QueryError with "line L, column C: ..." for syntax errors, and a
// sentence naming the feature for what newsgraph refuses: SPARQL Update
// (the store is built by `newsgraph build`), SERVICE, functions it does not
// know, undeclared prefixes.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/sparql/query.hpp"

namespace ng::graph::sparql {

struct ParseOptions {
  // The base IRI relative IRIs resolve against until the query says BASE;
  // empty: relative IRIs are an error.
  std::string base;
  // Prefixes the query may use without declaring them; its own PREFIX
  // declarations win.
  std::vector<std::pair<std::string, std::string>> prefixes;
};

ParsedQuery parse_query(std::string_view text, const ParseOptions& options);

}  // namespace ng::graph::sparql
