#include "graph/sparql/select.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "graph/sparql/aggregate.hpp"

namespace ng::graph::sparql {

namespace {

struct RowHash {
  std::size_t operator()(const Row& row) const noexcept {
    std::size_t h = 0xcbf29ce484222325ULL;
    for (TermId id : row) h = (h ^ id) * 0x100000001b3ULL;
    return h;
  }
};

// Projection, DISTINCT, OFFSET and LIMIT: the last steps, on rows in
// their final order.
class Slicer {
 public:
  Slicer(const Query& query, Budget& budget, RowSink sink) : query_(query), budget_(budget), sink_(sink) {}
  ~Slicer() { budget_.release(held_); }
  Slicer(const Slicer&) = delete;
  Slicer& operator=(const Slicer&) = delete;

  bool done() const { return query_.limit && emitted_ >= *query_.limit; }

  bool emit(const Row& row) {
    if (done()) return false;
    projected_.assign(row.size(), kUnbound);
    for (const Projection& p : query_.projection) projected_[p.variable] = row[p.variable];
    if (query_.distinct) {
      if (!seen_.insert(projected_).second) return true;
      const std::size_t bytes = row_bytes(projected_) + 32;
      held_ += bytes;
      budget_.charge(bytes);
    }
    if (skipped_ < query_.offset) {
      ++skipped_;
      return true;
    }
    ++emitted_;
    if (!sink_(projected_)) {
      sink_stopped_ = true;
      return false;
    }
    return !done();
  }
  // Whether the consumer asked to stop (as opposed to LIMIT being reached).
  bool sink_stopped() const noexcept { return sink_stopped_; }

 private:
  const Query& query_;
  Budget& budget_;
  RowSink sink_;
  Row projected_;
  std::unordered_set<Row, RowHash> seen_;
  std::uint64_t skipped_ = 0;
  std::uint64_t emitted_ = 0;
  std::size_t held_ = 0;
  bool sink_stopped_ = false;
};

struct Group {
  Row key;
  std::vector<Accumulator> accumulators;
};

}  // namespace

int compare_keys(const std::vector<SortKey>& a, const std::vector<SortKey>& b, const std::vector<bool>& descending) {
  for (std::size_t i = 0; i < descending.size(); ++i) {
    int c = compare_sort_keys(a[i], b[i]);
    if (descending[i]) c = -c;
    if (c != 0) return c;
  }
  return 0;
}

std::vector<std::size_t> sort_order(const std::vector<std::vector<SortKey>>& keys, const std::vector<bool>& descending,
                                    std::size_t* comparisons) {
  std::vector<std::size_t> order(keys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::size_t count = 0;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    ++count;
    return compare_keys(keys[a], keys[b], descending) < 0;
  });
  if (comparisons != nullptr) *comparisons += count;
  return order;
}

bool run_select(PatternEvaluator& evaluator, const Query& query, const Row& in, TermId graph, RowSink sink) {
  if (query.limit && *query.limit == 0) return true;
  ExpressionEvaluator& expressions = evaluator.expressions();
  TermTable& terms = evaluator.terms();
  Budget& budget = evaluator.budget();
  Slicer slicer(query, budget, sink);

  // Rows after grouping and select expressions: sorted first when the
  // query has ORDER BY, else straight to the slicer.
  std::vector<Row> sorted;
  std::size_t sorted_bytes = 0;
  Row extended;
  const auto finish = [&](const Row& row) {
    extended = row;
    ++evaluator.functions().solution;
    for (const Projection& p : query.projection) {
      if (!p.expression) continue;
      const Value v = expressions.evaluate(*p.expression, extended, graph);
      if (v.ok()) extended[p.variable] = v.intern(terms);
    }
    if (query.order_by.empty()) return slicer.emit(extended);
    sorted.push_back(extended);
    sorted_bytes += row_bytes(extended);
    budget.charge(row_bytes(extended));
    return true;
  };

  if (!query.aggregated) {
    evaluator.solve(query.where, in, graph, finish);
  } else {
    std::unordered_map<Row, std::size_t, RowHash> index;
    std::vector<Group> groups;
    std::size_t group_bytes = 0;
    Row key(query.group_by.size());
    evaluator.solve(query.where, in, graph, [&](const Row& row) {
      for (std::size_t k = 0; k < query.group_by.size(); ++k) {
        key[k] = expressions.evaluate(query.group_by[k].expression, row, graph).intern(terms);
      }
      auto [it, added] = index.try_emplace(key, groups.size());
      if (added) {
        Group& g = groups.emplace_back();
        g.key = key;
        for (const Aggregate& a : query.aggregates) g.accumulators.emplace_back(a);
        const std::size_t bytes = row_bytes(key) * 2 + 64 + query.aggregates.size() * sizeof(Accumulator);
        group_bytes += bytes;
        budget.charge(bytes);
      }
      Group& group = groups[it->second];
      for (std::size_t a = 0; a < query.aggregates.size(); ++a) {
        const Aggregate& spec = query.aggregates[a];
        Accumulator& acc = group.accumulators[a];
        const std::size_t before = acc.bytes();
        if (spec.star) {
          Row visible(row.size(), kUnbound);
          for (std::size_t v = 0; v < row.size(); ++v) {
            if (!query.hidden(static_cast<VarId>(v))) visible[v] = row[v];
          }
          acc.add_row(visible);
        } else {
          const Value v = expressions.evaluate(*spec.argument, row, graph);
          acc.add(Value::of(v.intern(terms)), terms);
        }
        if (acc.bytes() > before) {
          group_bytes += acc.bytes() - before;
          budget.charge(acc.bytes() - before);
        }
      }
      return true;
    });
    if (groups.empty() && query.group_by.empty()) {
      Group& g = groups.emplace_back();
      for (const Aggregate& a : query.aggregates) g.accumulators.emplace_back(a);
    }
    Row row(query.width(), kUnbound);
    for (const Group& g : groups) {
      std::fill(row.begin(), row.end(), kUnbound);
      for (std::size_t k = 0; k < query.group_by.size(); ++k) row[query.group_by[k].variable] = g.key[k];
      for (std::size_t a = 0; a < query.aggregates.size(); ++a) {
        row[query.aggregates[a].result] = g.accumulators[a].result(terms).intern(terms);
      }
      if (!query.having.empty() && !expressions.passes(query.having, row, graph)) continue;
      if (!finish(row)) break;
    }
    budget.release(group_bytes);
  }

  if (!query.order_by.empty()) {
    // Keys computed once per row (errors sort as unbound).
    std::vector<std::vector<SortKey>> keys(sorted.size());
    for (std::size_t r = 0; r < sorted.size(); ++r) {
      keys[r].reserve(query.order_by.size());
      for (const OrderKey& k : query.order_by) {
        const Value v = expressions.evaluate(k.expression, sorted[r], graph);
        keys[r].push_back(sort_key(v.ok() ? &terms.term(v.intern(terms)) : nullptr));
      }
    }
    std::vector<bool> descending;
    for (const OrderKey& k : query.order_by) descending.push_back(k.descending);
    for (std::size_t i : sort_order(keys, descending)) {
      if (!slicer.emit(sorted[i])) break;
    }
    budget.release(sorted_bytes);
  }
  return !slicer.sink_stopped();
}

}  // namespace ng::graph::sparql
