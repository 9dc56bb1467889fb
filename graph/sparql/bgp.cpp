// Basic graph patterns: triple patterns joined by nested index lookups, in
// an order chosen once per set of variables bound on entry (most bound and
// most selective first, never a cross product while a connected pattern is
// left).
#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "graph/sparql/evaluator.hpp"

namespace ng::graph::sparql {

namespace {

// Estimates read at most this many triples: they only break ties between
// patterns with as many bound positions.
constexpr std::size_t kEstimateLimit = 1000;

TermId value_of(const PatternTerm& term, const Row& row) {
  if (term.kind == PatternTerm::Kind::Constant) return term.id;
  if (term.kind == PatternTerm::Kind::Variable) return row[term.id];
  return kUnbound;
}

bool is_known(const PatternTerm& term, const std::vector<bool>& bound) {
  return term.kind == PatternTerm::Kind::Constant || (term.is_variable() && bound[term.id]);
}

std::vector<std::size_t> plan(PatternEvaluator& evaluator, const Pattern& pattern, const Row& in, TermId graph) {
  const std::vector<TriplePattern>& triples = pattern.triples;
  // Estimates are read only when needed, once per pattern.
  std::vector<std::optional<std::size_t>> estimates(triples.size());
  const auto estimate = [&](std::size_t i) {
    if (!estimates[i]) {
      const TriplePatternIds ids{value_of(triples[i].subject, in), value_of(triples[i].predicate, in),
                                 value_of(triples[i].object, in)};
      estimates[i] = evaluator.source().estimate(ids, graph, kEstimateLimit);
    }
    return *estimates[i];
  };
  std::vector<bool> bound(in.size(), false);
  for (std::size_t v = 0; v < in.size(); ++v) bound[v] = in[v] != kUnbound;
  std::vector<std::size_t> order;
  std::vector<bool> used(triples.size(), false);
  for (std::size_t step = 0; step < triples.size(); ++step) {
    // Connected patterns first (no cross product), then the most bound
    // positions (subject, object, predicate), then the smallest estimate.
    const bool any_bound_var = std::any_of(bound.begin(), bound.end(), [](bool b) { return b; });
    std::vector<std::pair<std::pair<int, int>, std::size_t>> candidates;
    for (std::size_t i = 0; i < triples.size(); ++i) {
      if (used[i]) continue;
      const TriplePattern& t = triples[i];
      const bool s = is_known(t.subject, bound), p = is_known(t.predicate, bound), o = is_known(t.object, bound);
      bool connected = false;
      for (const PatternTerm* term : {&t.subject, &t.predicate, &t.object}) {
        if (term->is_variable() && bound[term->id]) connected = true;
      }
      const int disconnected = any_bound_var && !connected ? 1 : 0;
      const int weight = (s ? 4 : 0) + (o ? 2 : 0) + (p ? 1 : 0);
      candidates.push_back({{disconnected, -weight}, i});
    }
    std::sort(candidates.begin(), candidates.end());
    std::size_t best = candidates.front().second;
    if (candidates.size() > 1 && candidates[1].first == candidates[0].first) {
      std::size_t best_estimate = std::numeric_limits<std::size_t>::max();
      for (const auto& [key, i] : candidates) {
        if (key != candidates[0].first) break;
        if (const std::size_t e = estimate(i); e < best_estimate) {
          best_estimate = e;
          best = i;
        }
      }
    }
    used[best] = true;
    order.push_back(best);
    for (const PatternTerm* term : {&triples[best].subject, &triples[best].predicate, &triples[best].object}) {
      if (term->is_variable()) bound[term->id] = true;
    }
  }
  return order;
}

struct BgpRun {
  PatternEvaluator& evaluator;
  const std::vector<TriplePattern>& triples;
  const std::vector<std::size_t>& order;
  TermId graph;
  RowSink sink;
  Row row;

  bool step(std::size_t i) {
    if (i == order.size()) return sink(row);
    const TriplePattern& t = triples[order[i]];
    const TriplePatternIds ids{value_of(t.subject, row), value_of(t.predicate, row), value_of(t.object, row)};
    const PatternTerm* parts[3] = {&t.subject, &t.predicate, &t.object};
    const TermId given[3] = {ids.subject, ids.predicate, ids.object};
    return evaluator.match(ids, graph, [&](TermId s, TermId p, TermId o) {
      evaluator.budget().tick();
      const TermId values[3] = {s, p, o};
      VarId set[3];
      int set_count = 0;
      bool ok = true;
      for (int k = 0; k < 3 && ok; ++k) {
        if (given[k] != kUnbound || !parts[k]->is_variable()) continue;
        TermId& slot = row[parts[k]->id];
        if (slot == kUnbound) {
          slot = values[k];
          set[set_count++] = parts[k]->id;
        } else if (slot != values[k]) {
          ok = false;  // ?x ?p ?x with two different values
        }
      }
      const bool go_on = !ok || step(i + 1);
      for (int k = 0; k < set_count; ++k) row[set[k]] = kUnbound;
      return go_on;
    });
  }
};

}  // namespace

bool PatternEvaluator::solve_bgp(const Pattern& pattern, const Row& in, TermId graph, RowSink sink) {
  if (pattern.triples.empty()) return sink(in);
  std::vector<bool> mask(in.size());
  for (std::size_t v = 0; v < in.size(); ++v) mask[v] = in[v] != kUnbound;
  auto key = std::make_pair(&pattern, std::move(mask));
  auto it = bgp_plans.find(key);
  if (it == bgp_plans.end()) it = bgp_plans.emplace(std::move(key), BgpPlan{plan(*this, pattern, in, graph)}).first;
  BgpRun run{*this, pattern.triples, it->second.order, graph, sink, in};
  return run.step(0);
}

}  // namespace ng::graph::sparql
