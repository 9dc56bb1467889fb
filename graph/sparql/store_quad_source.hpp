#pragma once
// QuadSource over today's Store: default-graph lookups go through
// StatementCursor (Redland's indexes, each triple once), lookups inside one
// named graph through a snapshot of that graph (GraphStatements), kept for
// the few most recently used graphs. When the store gets an id-level match
// API, this is the one file that changes.
//
// Not thread-safe (a Store belongs to one thread). Throws StoreError.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "graph/sparql/quad_source.hpp"

namespace ng::graph {
class Store;
}

namespace ng::graph::sparql {

class StoreQuadSource final : public QuadSource {
 public:
  StoreQuadSource(const Store& store, TermTable& terms);
  ~StoreQuadSource() override;

  bool match(const TriplePatternIds& pattern, TermId graph, FunctionRef<bool(TermId, TermId, TermId)> visit) override;
  const std::vector<TermId>& graphs() override;
  std::size_t estimate(const TriplePatternIds& pattern, TermId graph, std::size_t limit) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ng::graph::sparql
