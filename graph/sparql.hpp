#pragma once
// SPARQL over the store through rasqal. Rasqal 0.9.33 executes SELECT, ASK
// and CONSTRUCT; newsgraph adds DESCRIBE (as the concise bounded description
// of each resource) and refuses, with a clear QueryError, what rasqal would
// silently get wrong: SPARQL Update, EXISTS / NOT EXISTS, MINUS, property
// paths, undeclared prefixes.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ontology/term.hpp"

namespace ng::graph {

class Store;

enum class ResultFormat { Table, Csv, Tsv, Json, Xml, Turtle, NTriples };

struct QueryResult {
  enum class Kind { Bindings, Boolean, Graph };
  Kind kind = Kind::Bindings;
  std::vector<std::string> variables;                            // Bindings
  std::vector<std::vector<std::optional<ontology::Term>>> rows;  // Bindings; nullopt = unbound
  bool boolean = false;                                          // Boolean
  std::vector<ontology::Triple> triples;                         // Graph (CONSTRUCT, DESCRIBE)
};

// Runs a query. The standard prefixes (vocab::kPrefixes) and the store's
// entity prefixes are predeclared. Throws QueryError: "line L, column C:
// syntax error ..." for syntax errors, or a sentence naming the unsupported
// feature.
using Prefixes = std::vector<std::pair<std::string, std::string>>;
QueryResult run_query(const Store& store, std::string_view query, const Prefixes& extra_prefixes = {});

// Writes a result in a format. Table is an aligned text table for people;
// Csv/Tsv/Json/Xml are the W3C SPARQL result formats (Json/Xml also for
// ASK; Csv/Tsv write ASK as one line, true or false);
// graph results go out as Turtle or N-Triples (Table/Json/... of a graph
// result is an error).
std::string format_result(const QueryResult& result, ResultFormat format);

}  // namespace ng::graph
