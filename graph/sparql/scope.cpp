#include "graph/sparql/scope.hpp"

namespace ng::graph::sparql {

namespace {

void add_term(const PatternTerm& term, VarSet& out) {
  if (term.is_variable()) out.insert(term.id);
}

void collect_pattern_variables(const Pattern& pattern, VarSet& out) {
  for (const TriplePattern& t : pattern.triples) {
    add_term(t.subject, out);
    add_term(t.predicate, out);
    add_term(t.object, out);
  }
  add_term(pattern.subject, out);
  add_term(pattern.object, out);
  if (pattern.kind == Pattern::Kind::Graph) add_term(pattern.graph, out);
  if (pattern.kind == Pattern::Kind::Extend) out.insert(pattern.variable);
  for (VarId v : pattern.value_variables) out.insert(v);
  for (const auto& [inner, outer] : pattern.projected) out.insert(outer);
  for (const Pattern& child : pattern.children) collect_pattern_variables(child, out);
  for (const Expr& e : pattern.conditions) collect_variables(e, out);
  if (pattern.expression) collect_variables(*pattern.expression, out);
}

}  // namespace

void collect_variables(const Expr& expression, VarSet& out) {
  if (expression.op == Expr::Op::Variable || expression.op == Expr::Op::Aggregate) out.insert(expression.variable);
  for (const Expr& arg : expression.args) collect_variables(arg, out);
  if (expression.pattern) collect_pattern_variables(*expression.pattern, out);
}

VarSet subquery_certain(const Query& inner, const std::vector<std::pair<VarId, VarId>>& projected) {
  VarSet certain;
  // Bindings pushed into a subquery with LIMIT or OFFSET would change
  // which rows it keeps; into an aggregate, what it counts.
  if (inner.aggregated || inner.limit || inner.offset > 0) return certain;
  for (const auto& [in, out] : projected) {
    bool computed = false;
    for (const Projection& p : inner.projection) {
      if (p.variable == in && p.expression) computed = true;
    }
    if (!computed && inner.where.certain.contains(in)) certain.insert(out);
  }
  return certain;
}

void analyse(Pattern& pattern) {
  for (Pattern& child : pattern.children) analyse(child);
  VarSet certain, maybe;
  switch (pattern.kind) {
    case Pattern::Kind::Bgp:
      collect_pattern_variables(pattern, maybe);
      certain = maybe;
      break;
    case Pattern::Kind::Path:
      add_term(pattern.subject, maybe);
      add_term(pattern.object, maybe);
      certain = maybe;
      break;
    case Pattern::Kind::Join:
      certain = pattern.children[0].certain | pattern.children[1].certain;
      maybe = pattern.children[0].maybe | pattern.children[1].maybe;
      break;
    case Pattern::Kind::LeftJoin:
      certain = pattern.children[0].certain;
      maybe = pattern.children[0].maybe | pattern.children[1].maybe;
      break;
    case Pattern::Kind::Union:
      certain = pattern.children[0].certain & pattern.children[1].certain;
      maybe = pattern.children[0].maybe | pattern.children[1].maybe;
      break;
    case Pattern::Kind::Minus:
    case Pattern::Kind::Filter:
      certain = pattern.children[0].certain;
      maybe = pattern.children[0].maybe;
      break;
    case Pattern::Kind::Graph:
      certain = pattern.children[0].certain;
      maybe = pattern.children[0].maybe;
      add_term(pattern.graph, certain);
      add_term(pattern.graph, maybe);
      break;
    case Pattern::Kind::Extend:
      certain = pattern.children[0].certain;
      maybe = pattern.children[0].maybe;
      maybe.insert(pattern.variable);
      if (pattern.expression && pattern.expression->op == Expr::Op::Constant) certain.insert(pattern.variable);
      break;
    case Pattern::Kind::Values: {
      const std::size_t width = pattern.value_variables.size();
      for (std::size_t c = 0; c < width; ++c) {
        maybe.insert(pattern.value_variables[c]);
        bool always = true;
        for (std::size_t r = c; r < pattern.value_rows.size(); r += width) {
          if (pattern.value_rows[r] == kUnbound) always = false;
        }
        if (always) certain.insert(pattern.value_variables[c]);
      }
      break;
    }
    case Pattern::Kind::Subquery:
      for (const auto& [inner, outer] : pattern.projected) maybe.insert(outer);
      certain = subquery_certain(*pattern.subquery, pattern.projected);
      break;
  }
  pattern.certain = std::move(certain);
  pattern.maybe = std::move(maybe);
}

}  // namespace ng::graph::sparql
