#pragma once
// ORDER BY in C++ for the common case. rasqal 0.9.33 sorts through an
// unbalanced binary tree (rasqal_map): rows that arrive in order or with
// many equal keys make it quadratic (measured: 100k rows ordered by one
// of 1,000 speakers took 4 s, where the query without ORDER BY took 0.5 s).
// When a top-level SELECT orders by projected variables only
// (ORDER BY ?a DESC(?b) ...), newsgraph strips ORDER BY, LIMIT and OFFSET,
// runs the rest, and sorts and slices the rows itself. Anything else
// (expressions, variables not projected, subqueries) is left to rasqal.
//
// The order follows SPARQL 1.1 section 15.1: unbound < blank nodes < IRIs
// < literals; numeric literals by value, booleans false < true, other
// literals by lexical form (code point order), then language and
// datatype. Ties keep rasqal's order (a stable sort).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/sparql.hpp"
#include "graph/sparql_guard.hpp"

namespace ng::graph::detail {

struct OrderPlan {
  struct Key {
    std::string variable;  // without '?'
    bool descending = false;
  };
  std::vector<Key> keys;
  std::optional<std::size_t> limit;
  std::size_t offset = 0;
  std::string query;  // the query without ORDER BY, LIMIT and OFFSET
};

// A plan when the query is a SELECT that newsgraph can sort itself.
std::optional<OrderPlan> plan_order(std::string_view query, const QueryShape& shape);

// Sorts and slices `result` as the plan says. Returns false (and leaves
// the result alone) when a key variable is not among the result's
// variables, so that the caller runs the query through rasqal instead.
bool apply_order(const OrderPlan& plan, QueryResult& result);

}  // namespace ng::graph::detail
