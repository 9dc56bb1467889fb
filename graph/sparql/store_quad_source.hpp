#pragma once
// QuadSource over the store's id-level API (graph/store_ids.hpp): every
// triple pattern is one range of one index, the default graph's repeats
// are dropped by the store, and terms are turned from the store's ids into
// the query's (TermTable) once per query.
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
