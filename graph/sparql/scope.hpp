#pragma once
// Which variables a graph pattern binds: `certain` (every solution binds
// them) and `maybe` (some solution may). The evaluator passes a row's
// bindings into a pattern only for variables the pattern certainly binds:
// that keeps OPTIONAL linear (the left side's bindings go into the right
// side's lookups) without changing any answer (a variable bound outside
// never leaks into a nested OPTIONAL, FILTER or subquery).

#include "graph/sparql/query.hpp"

namespace ng::graph::sparql {

// Fills in `certain` and `maybe` of the pattern and all patterns below it
// (not inside subqueries, which were analysed when they were parsed).
void analyse(Pattern& pattern);

// The variables an expression mentions, those inside EXISTS patterns too.
void collect_variables(const Expr& expression, VarSet& out);

// Variables the subquery's solutions certainly bind (in outer numbering).
VarSet subquery_certain(const Query& inner, const std::vector<std::pair<VarId, VarId>>& projected);

}  // namespace ng::graph::sparql
