#pragma once
// Evaluates expressions over one solution: the logical operators with
// SPARQL's three-valued error semantics, comparisons, arithmetic, IN,
// built-in calls, casts, EXISTS (through the pattern evaluator) and the
// values of aggregates computed for a group.

#include <vector>

#include "graph/sparql/compare.hpp"
#include "graph/sparql/functions.hpp"
#include "graph/sparql/query.hpp"
#include "graph/sparql/value.hpp"

namespace ng::graph::sparql {

using Row = std::vector<TermId>;

// What EXISTS needs from the pattern evaluator.
class ExistsProbe {
 public:
  virtual ~ExistsProbe() = default;
  // Whether `pattern` has a solution with `row`'s values substituted for
  // its variables, inside `graph` (kUnbound: the default graph).
  virtual bool exists(const Pattern& pattern, const Row& row, TermId graph) = 0;
};

class ExpressionEvaluator {
 public:
  ExpressionEvaluator(TermTable& terms, FunctionContext& functions, ExistsProbe& probe)
      : terms_(terms), functions_(functions), probe_(probe) {}

  Value evaluate(const Expr& e, const Row& row, TermId graph);
  // The effective boolean value of `e`; Error for errors.
  Truth test(const Expr& e, const Row& row, TermId graph);
  // A FILTER: true only when every condition is true.
  bool passes(const std::vector<Expr>& conditions, const Row& row, TermId graph);

  TermTable& terms() noexcept { return terms_; }
  FunctionContext& functions() noexcept { return functions_; }

 private:
  Value call(const Expr& e, const Row& row, TermId graph);
  Value arithmetic(const Expr& e, const Row& row, TermId graph);
  Value compare(const Expr& e, const Row& row, TermId graph);
  Value membership(const Expr& e, const Row& row, TermId graph);

  TermTable& terms_;
  FunctionContext& functions_;
  ExistsProbe& probe_;
};

}  // namespace ng::graph::sparql
