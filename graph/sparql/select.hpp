#pragma once
// A SELECT query's solution modifiers (section 18.2.4-5): grouping and
// aggregates, HAVING, the select expressions, ORDER BY, projection,
// DISTINCT, OFFSET and LIMIT, streaming whenever nothing needs all rows.

#include <cstddef>
#include <vector>

#include "graph/sparql/evaluator.hpp"

namespace ng::graph::sparql {

// Calls sink with each result row of `query` (rows of query.width(), only
// projected variables bound), in order. `in` holds bindings pushed from an
// enclosing query (variables the query's WHERE certainly binds); `graph`
// is the active graph (a subquery inside GRAPH reads that graph). Returns
// false when the sink stopped.
bool run_select(PatternEvaluator& evaluator, const Query& query, const Row& in, TermId graph, RowSink sink);

// The ORDER BY comparison of two rows' key values; descending[i] turns
// key i around.
int compare_keys(const std::vector<SortKey>& a, const std::vector<SortKey>& b, const std::vector<bool>& descending);

// The rows' positions in ORDER BY order (stable: ties keep their order).
// Adds the comparisons made to *comparisons when given: the work of a sort
// is what tests bound (rasqal's tree sort went quadratic on repeated keys).
std::vector<std::size_t> sort_order(const std::vector<std::vector<SortKey>>& keys, const std::vector<bool>& descending,
                                    std::size_t* comparisons = nullptr);

}  // namespace ng::graph::sparql
