#pragma once
// Runs a parsed query over a QuadSource and hands the results to a sink as
// they are found: SELECT rows one by one, ASK's boolean, CONSTRUCT and
// DESCRIBE triples (collected, each once). The one entry point of the
// evaluator; graph/sparql.cpp calls it.

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "graph/sparql.hpp"
#include "graph/sparql/quad_source.hpp"
#include "graph/sparql/query.hpp"

namespace ng::graph::sparql {

using ResultSink = graph::ResultSink;

struct EngineOptions {
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  std::size_t max_memory_bytes = std::size_t{4} << 30;
  // Empty: the default graph is the union of all graphs. Else the graph
  // holding the default graph's triples; the others are the named graphs.
  std::string default_graph;
  // A dataset given outside the query (the SPARQL Protocol): it replaces
  // FROM and FROM NAMED.
  bool protocol_dataset = false;
  std::vector<std::string> default_graphs, named_graphs;
};

// Throws QueryError for a dataset naming a graph the source does not have,
// and when the query runs out of time or memory.
void execute(const ParsedQuery& query, QuadSource& source, const EngineOptions& options, ResultSink& sink);

}  // namespace ng::graph::sparql
