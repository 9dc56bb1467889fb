#pragma once
// DISTINCT and ORDER BY in C++ for top-level SELECTs.
//
// ORDER BY: rasqal 0.9.33 sorts through an unbalanced binary tree
// (rasqal_map): rows with many equal keys make it quadratic (20k rows with
// 7 distinct keys: 15.8 s; sorted here: 0.16 s). When the query orders by
// projected variables only (ORDER BY ?a DESC(?b) ...), newsgraph sorts.
// Keys that are expressions, or variables not selected, stay with rasqal.
//
// DISTINCT: rasqal's DISTINCT leaks its whole row tree, about 12 KB per
// query; newsgraph strips it and removes equal rows itself (keeping the
// first, so rasqal's order survives).
//
// Either way LIMIT and OFFSET move here too, since they apply after both.
// DISTINCT and ORDER BY inside subqueries stay with rasqal.
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
  bool distinct = false;  // remove equal rows here
  struct Key {
    std::string variable;  // without '?'
    bool descending = false;
  };
  std::vector<Key> keys;  // empty: no ORDER BY, or rasqal does it
  std::optional<std::size_t> limit;
  std::size_t offset = 0;
  std::string query;  // the query without what is done here
};

// A plan when the query is a SELECT with DISTINCT or an ORDER BY that
// newsgraph can do itself.
std::optional<OrderPlan> plan_order(std::string_view query, const QueryShape& shape);

// Removes equal rows, sorts and slices `result` as the plan says. Returns
// false (and leaves the result alone) when a key variable is not among
// the result's variables (SELECT *), so that the caller runs the query
// through rasqal instead.
bool apply_order(const OrderPlan& plan, QueryResult& result);

}  // namespace ng::graph::detail
