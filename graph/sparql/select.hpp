#pragma once
// A SELECT query's solution modifiers (section 18.2.4-5): grouping and
// aggregates, HAVING, the select expressions, ORDER BY, projection,
// DISTINCT, OFFSET and LIMIT, streaming whenever nothing needs all rows.

#include "graph/sparql/evaluator.hpp"

namespace ng::graph::sparql {

// Calls sink with each result row of `query` (rows of query.width(), only
// projected variables bound), in order. `in` holds bindings pushed from an
// enclosing query (variables the query's WHERE certainly binds); `graph`
// is the active graph (a subquery inside GRAPH reads that graph). Returns
// false when the sink stopped.
bool run_select(PatternEvaluator& evaluator, const Query& query, const Row& in, TermId graph, RowSink sink);

// The ORDER BY comparison of two rows' key values.
int compare_keys(const std::vector<SortKey>& a, const std::vector<SortKey>& b, const std::vector<OrderKey>& keys);

}  // namespace ng::graph::sparql
