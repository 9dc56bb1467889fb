#pragma once
// Evaluates graph patterns over a QuadSource, pushing solutions into a sink
// (so results stream, and LIMIT or ASK stop the work early).
//
// solve(P, in, graph, sink) calls sink(in ∪ s) for every solution s of P
// compatible with `in`. Each operator passes `in`'s bindings into its
// operands only for variables the operand certainly binds (scope.hpp):
// OPTIONAL is then a nested loop whose right side is an index lookup per
// left row (linear), and a binding never leaks into a nested OPTIONAL,
// FILTER, MINUS or subquery where it would change the answer. Operands
// that share no such variable are evaluated once and hash-joined.
//
// Not thread-safe (one per query). Throws QueryError when the query runs
// out of time or memory (Budget).

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "graph/sparql/expression_eval.hpp"
#include "graph/sparql/function_ref.hpp"
#include "graph/sparql/quad_source.hpp"
#include "graph/sparql/query.hpp"

namespace ng::graph::sparql {

using RowSink = FunctionRef<bool(const Row&)>;

// The time and memory a query may use. Memory is what the evaluator holds
// in tables it builds (hash joins, groups, sorts, DISTINCT, the terms it
// has seen), not the process's size.
class Budget {
 public:
  Budget(std::chrono::steady_clock::time_point deadline, std::size_t max_bytes, const TermTable& terms)
      : deadline_(deadline), max_bytes_(max_bytes), terms_(terms) {}
  // Called in inner loops: checks the clock every few thousand calls.
  void tick() {
    if ((++ticks_ & 0x3FF) == 0) check();
  }
  void check();
  void charge(std::size_t bytes);
  void release(std::size_t bytes) noexcept { held_ = bytes > held_ ? 0 : held_ - bytes; }
  std::size_t held() const noexcept { return held_ + terms_.bytes(); }

 private:
  std::chrono::steady_clock::time_point deadline_;
  std::size_t max_bytes_;
  const TermTable& terms_;
  std::size_t held_ = 0;
  std::uint64_t ticks_ = 0;
};

// Which graphs the query reads (the dataset, section 13).
struct Dataset {
  bool union_default = true;          // the default graph is the union of all graphs
  std::vector<TermId> default_graphs; // otherwise: the union of these (FROM)
  bool all_named = true;              // the named graphs are all graphs
  std::vector<TermId> named;          // otherwise: these (FROM NAMED)
};

class PatternEvaluator final : public ExistsProbe {
 public:
  PatternEvaluator(QuadSource& source, TermTable& terms, FunctionContext& functions, Dataset dataset, Budget& budget);

  bool solve(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);
  bool exists(const Pattern& pattern, const Row& row, TermId graph) override;

  ExpressionEvaluator& expressions() noexcept { return expressions_; }
  TermTable& terms() noexcept { return terms_; }
  Budget& budget() noexcept { return budget_; }
  QuadSource& source() noexcept { return source_; }
  FunctionContext& functions() noexcept { return functions_; }

  // Triples of the active graph (kUnbound: the dataset's default graph).
  bool match(const TriplePatternIds& pattern, TermId graph, FunctionRef<bool(TermId, TermId, TermId)> visit);
  // The dataset's named graphs.
  const std::vector<TermId>& named_graphs();
  bool is_named_graph(TermId graph);

  // Internal to the operators (bgp.cpp, paths.cpp).
  bool solve_bgp(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);
  bool solve_path(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);

 private:
  bool solve_join(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);
  bool solve_left_join(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);
  bool solve_minus(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);
  bool solve_filter(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);
  bool solve_graph(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);
  bool solve_extend(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);
  bool solve_values(const Pattern& pattern, const Row& in, RowSink sink);
  bool solve_subquery(const Pattern& pattern, const Row& in, TermId graph, RowSink sink);

  // `in` keeping only the variables in `keep` (and those fixed by EXISTS).
  Row restrict(const Row& in, const VarSet& keep) const;
  // All solutions of `pattern` for `in`, held in memory (charged).
  std::vector<Row> materialize(const Pattern& pattern, const Row& in, TermId graph);
  const VarSet& condition_variables(const Pattern& pattern);

  QuadSource& source_;
  TermTable& terms_;
  FunctionContext& functions_;
  Dataset dataset_;
  Budget& budget_;
  ExpressionEvaluator expressions_;
  VarSet fixed_;  // variables EXISTS substituted (constants inside its pattern)
  std::unordered_map<const Pattern*, VarSet> condition_variables_;
  std::optional<std::vector<TermId>> named_;

 public:
  // Plans of BGPs (bgp.cpp): the order of triple patterns per set of
  // variables bound on entry.
  struct BgpPlan {
    std::vector<std::size_t> order;
  };
  std::map<std::pair<const Pattern*, std::vector<bool>>, BgpPlan> bgp_plans;
};

// Row helpers.
bool compatible(const Row& a, const Row& b);
void merge_into(Row& target, const Row& source);
std::size_t row_bytes(const Row& row);

}  // namespace ng::graph::sparql
