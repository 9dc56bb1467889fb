#pragma once
// What the SPARQL evaluator needs from a store: triples matching a pattern
// in one named graph or in the default graph, and the list of named graphs.
// The default graph is the set union of all named graphs (a triple stored
// in several graphs is seen once there), as everywhere in newsgraph.
//
// Implementations intern the terms they return into the query's TermTable.

#include <cstdint>
#include <vector>

#include "graph/sparql/function_ref.hpp"
#include "graph/sparql/term_table.hpp"

namespace ng::graph::sparql {

struct TriplePatternIds {
  TermId subject = kUnbound;  // kUnbound matches anything
  TermId predicate = kUnbound;
  TermId object = kUnbound;
};

class QuadSource {
 public:
  virtual ~QuadSource() = default;

  // Calls `visit(subject, predicate, object)` for each matching triple of
  // `graph` (a named graph's IRI), or of the default graph when `graph` is
  // kUnbound, until `visit` returns false. Returns false when stopped.
  virtual bool match(const TriplePatternIds& pattern, TermId graph,
                     FunctionRef<bool(TermId, TermId, TermId)> visit) = 0;

  // The named graphs, in a stable order.
  virtual const std::vector<TermId>& graphs() = 0;

  // A cheap estimate of how many triples match (for ordering patterns);
  // `limit` bounds the work.
  virtual std::size_t estimate(const TriplePatternIds& pattern, TermId graph, std::size_t limit) = 0;
};

}  // namespace ng::graph::sparql
