#pragma once
// Runs SPARQL with rasqal directly over the store, through newsgraph's own
// rasqal triples source instead of librdf's query layer. Why not
// librdf_query: its triples source cannot tell a default-graph pattern
// from an unbound `GRAPH ?g`, so a triple stored in two article graphs
// matches twice in the default graph (every COUNT and GROUP BY came out
// inflated), and it sends (s ?p ?o) and fully bound patterns to the
// storage's full scan. Ours knows which is which (see redland_find.hpp).
//
// Not thread-safe (one per Store). Throws QueryError.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/redland.hpp"
#include "graph/redland_find.hpp"
#include "graph/redland_store.hpp"
#include "graph/sparql.hpp"

namespace ng::graph::detail {

// rasqal's first error for a query text: its message and the line rasqal
// gives (1-based; -1 when it gave none). rasqal gives no column.
struct SyntaxProblem {
  int line = -1;
  std::string message;
};

class QueryEngine {
 public:
  explicit QueryEngine(Store::Native& native);
  ~QueryEngine();
  QueryEngine(const QueryEngine&) = delete;
  QueryEngine& operator=(const QueryEngine&) = delete;

  // Parses only; the first error, if any.
  std::optional<SyntaxProblem> check(const std::string& text);
  // Parses and runs. Throws QueryError with rasqal's message when it
  // fails (callers run check() first to locate syntax errors).
  // `graph_iris` are the IRIs the query names in GRAPH <iri>: rasqal
  // answers GRAPH <iri> for a graph outside its dataset with one empty
  // solution instead of none, so they are declared as (empty) named
  // graphs too.
  QueryResult execute(const std::string& text, const std::vector<std::string>& graph_iris = {});
  // The graphs to declare besides the store's, for the running query.
  const std::vector<std::string>& extra_graphs() const noexcept { return extra_graphs_; }

  rasqal_world* world() const noexcept { return world_.get(); }
  // A snapshot of a named graph for the patterns inside GRAPH, kept while
  // the query runs. rasqal evaluates GRAPH ?g { ... } one graph at a time,
  // so the few most recent graphs are enough.
  const GraphStatements& graph_statements(librdf_node* graph);
  // Called from the C log handler.
  void receive(redland::LogMessage message) noexcept;

 private:
  redland::RasqalQueryPtr prepare(const std::string& text, std::optional<SyntaxProblem>& problem);

  Store::Native& native_;
  std::optional<redland::LogMessage> first_error_;
  std::vector<std::string> extra_graphs_;
  std::vector<std::pair<std::string, std::unique_ptr<GraphStatements>>> graphs_;
  redland::RasqalWorldPtr world_;
};

// The engine of a store, created on first use.
QueryEngine& query_engine(Store::Native& native);

}  // namespace ng::graph::detail
