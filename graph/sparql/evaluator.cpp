#include "graph/sparql/evaluator.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "common/error.hpp"
#include "graph/sparql/hash_table.hpp"
#include "graph/sparql/scope.hpp"
#include "graph/sparql/select.hpp"

namespace ng::graph::sparql {

void Budget::check() {
  if (std::chrono::steady_clock::now() > deadline_) {
    throw QueryError("the query ran out of time (see --timeout): narrow it with more specific patterns or a LIMIT");
  }
}

void Budget::charge(std::size_t bytes) {
  held_ += bytes;
  if (held() > max_bytes_) {
    const std::string limit = max_bytes_ >= (std::size_t{1} << 20) ? fmt::format("{} MB", max_bytes_ >> 20)
                                                                   : fmt::format("{} KB", max_bytes_ >> 10);
    throw QueryError(fmt::format(
        "the query needs more than {} of memory for its intermediate results (see --max-memory): narrow it with "
        "more specific patterns, or drop ORDER BY/DISTINCT/GROUP BY over very many rows",
        limit));
  }
}

bool compatible(const Row& a, const Row& b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != kUnbound && b[i] != kUnbound && a[i] != b[i]) return false;
  }
  return true;
}

void merge_into(Row& target, const Row& source) {
  for (std::size_t i = 0; i < target.size() && i < source.size(); ++i) {
    if (target[i] == kUnbound) target[i] = source[i];
  }
}

std::size_t row_bytes(const Row& row) { return sizeof(Row) + row.capacity() * sizeof(TermId) + 16; }

PatternEvaluator::PatternEvaluator(QuadSource& source, TermTable& terms, FunctionContext& functions, Dataset dataset,
                                   Budget& budget)
    : source_(source),
      terms_(terms),
      functions_(functions),
      dataset_(std::move(dataset)),
      budget_(budget),
      expressions_(terms, functions, *this) {}

const std::vector<TermId>& PatternEvaluator::named_graphs() {
  if (!named_) named_ = dataset_.all_named ? source_.graphs() : dataset_.named;
  return *named_;
}

bool PatternEvaluator::is_named_graph(TermId graph) {
  const auto& graphs = named_graphs();
  return std::find(graphs.begin(), graphs.end(), graph) != graphs.end();
}

bool PatternEvaluator::match(const TriplePatternIds& pattern, TermId graph,
                             FunctionRef<bool(TermId, TermId, TermId)> visit) {
  if (graph != kUnbound || dataset_.union_default) return source_.match(pattern, graph, visit);
  if (dataset_.default_graphs.size() == 1) return source_.match(pattern, dataset_.default_graphs[0], visit);
  // The merge of several FROM graphs: each triple once.
  std::set<std::array<TermId, 3>> seen;
  for (TermId g : dataset_.default_graphs) {
    const bool go_on = source_.match(pattern, g, [&](TermId s, TermId p, TermId o) {
      if (!seen.insert({s, p, o}).second) return true;
      budget_.charge(48);
      return visit(s, p, o);
    });
    if (!go_on) return false;
  }
  return true;
}

Row PatternEvaluator::restrict(const Row& in, const VarSet& keep) const {
  Row out(in.size(), kUnbound);
  for (std::size_t v = 0; v < in.size(); ++v) {
    if (in[v] != kUnbound && (keep.contains(static_cast<VarId>(v)) || fixed_.contains(static_cast<VarId>(v)))) {
      out[v] = in[v];
    }
  }
  return out;
}

const VarSet& PatternEvaluator::condition_variables(const Pattern& pattern) {
  auto [it, added] = condition_variables_.try_emplace(&pattern);
  if (added) {
    for (const Expr& e : pattern.conditions) collect_variables(e, it->second);
    if (pattern.expression) collect_variables(*pattern.expression, it->second);
  }
  return it->second;
}

std::vector<Row> PatternEvaluator::materialize(const Pattern& pattern, const Row& in, TermId graph) {
  std::vector<Row> rows;
  solve(pattern, in, graph, [&](const Row& row) {
    rows.push_back(row);
    budget_.charge(row_bytes(row));
    return true;
  });
  return rows;
}

bool PatternEvaluator::solve(const Pattern& pattern, const Row& in, TermId graph, RowSink sink) {
  budget_.tick();
  switch (pattern.kind) {
    case Pattern::Kind::Bgp: return solve_bgp(pattern, in, graph, sink);
    case Pattern::Kind::Path: return solve_path(pattern, in, graph, sink);
    case Pattern::Kind::Join: return solve_join(pattern, in, graph, sink);
    case Pattern::Kind::LeftJoin: return solve_left_join(pattern, in, graph, sink);
    case Pattern::Kind::Union:
      return solve(pattern.children[0], in, graph, sink) && solve(pattern.children[1], in, graph, sink);
    case Pattern::Kind::Minus: return solve_minus(pattern, in, graph, sink);
    case Pattern::Kind::Filter: return solve_filter(pattern, in, graph, sink);
    case Pattern::Kind::Graph: return solve_graph(pattern, in, graph, sink);
    case Pattern::Kind::Extend: return solve_extend(pattern, in, graph, sink);
    case Pattern::Kind::Values: return solve_values(pattern, in, sink);
    case Pattern::Kind::Subquery: return solve_subquery(pattern, in, graph, sink);
  }
  return true;
}

bool PatternEvaluator::solve_join(const Pattern& pattern, const Row& in, TermId graph, RowSink sink) {
  const Pattern& left = pattern.children[0];
  const Pattern& right = pattern.children[1];
  // The right side gets the left side's bindings when it certainly binds
  // one of them: an index lookup per left row.
  if (right.certain.intersects(left.maybe) || left.certain.empty()) {
    return solve(left, in, graph, [&](const Row& row) { return solve(right, row, graph, sink); });
  }
  // Otherwise it does not depend on them: evaluate it once, hash-join.
  const std::vector<Row> rows = materialize(right, in, graph);
  const HashTable table(rows, left.certain & right.certain);
  Row out;
  const bool done = solve(left, in, graph, [&](const Row& row) {
    return table.probe(row, [&](const Row& candidate) {
      if (!compatible(row, candidate)) return true;
      out = row;
      merge_into(out, candidate);
      return sink(out);
    });
  });
  for (const Row& r : rows) budget_.release(row_bytes(r));
  return done;
}

bool PatternEvaluator::solve_left_join(const Pattern& pattern, const Row& in, TermId graph, RowSink sink) {
  const Pattern& left = pattern.children[0];
  const Pattern& right = pattern.children[1];
  const Row left_in = restrict(in, left.certain);
  const bool exact = left_in == in;
  Row out;
  const auto emit = [&](const Row& row) {
    if (exact) return sink(row);
    if (!compatible(row, in)) return true;
    out = row;
    merge_into(out, in);
    return sink(out);
  };
  if (right.certain.intersects(left.maybe) || left.certain.empty()) {
    return solve(left, left_in, graph, [&](const Row& row) {
      if (!exact && !compatible(row, in)) return true;
      bool matched = false;
      const bool go_on = solve(right, row, graph, [&](const Row& joined) {
        if (!pattern.conditions.empty() && !expressions_.passes(pattern.conditions, joined, graph)) return true;
        matched = true;
        return emit(joined);
      });
      if (!go_on) return false;
      return matched || emit(row);
    });
  }
  const std::vector<Row> rows = materialize(right, restrict(in, VarSet()), graph);
  const HashTable table(rows, left.certain & right.certain);
  Row joined;
  const bool done = solve(left, left_in, graph, [&](const Row& row) {
    if (!exact && !compatible(row, in)) return true;
    bool matched = false;
    const bool go_on = table.probe(row, [&](const Row& candidate) {
      if (!compatible(row, candidate)) return true;
      joined = row;
      merge_into(joined, candidate);
      if (!pattern.conditions.empty() && !expressions_.passes(pattern.conditions, joined, graph)) return true;
      matched = true;
      return emit(joined);
    });
    if (!go_on) return false;
    return matched || emit(row);
  });
  for (const Row& r : rows) budget_.release(row_bytes(r));
  return done;
}

bool PatternEvaluator::solve_minus(const Pattern& pattern, const Row& in, TermId graph, RowSink sink) {
  const Pattern& left = pattern.children[0];
  const Pattern& right = pattern.children[1];
  const Row left_in = restrict(in, left.certain);
  const bool exact = left_in == in;
  Row out;
  const auto emit = [&](const Row& row) {
    if (exact) return sink(row);
    out = row;
    merge_into(out, in);
    return sink(out);
  };
  // Removes a left row when a right solution is compatible and shares a
  // variable with it.
  const auto shares = [](const Row& a, const Row& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (a[i] != kUnbound && b[i] != kUnbound) return true;
    }
    return false;
  };
  const VarSet key = left.certain & right.certain;
  if (!key.empty()) {
    // Probe the right side with the shared variables' values.
    return solve(left, left_in, graph, [&](const Row& row) {
      if (!exact && !compatible(row, in)) return true;
      const Row probe = restrict(row, key);
      bool removed = false;
      solve(right, probe, graph, [&](const Row& candidate) {
        if (compatible(row, candidate)) {
          removed = true;
          return false;
        }
        return true;
      });
      return removed || emit(row);
    });
  }
  const std::vector<Row> rows = materialize(right, restrict(in, VarSet()), graph);
  const bool done = solve(left, left_in, graph, [&](const Row& row) {
    if (!exact && !compatible(row, in)) return true;
    for (const Row& candidate : rows) {
      if (compatible(row, candidate) && shares(row, candidate)) return true;
    }
    return emit(row);
  });
  for (const Row& r : rows) budget_.release(row_bytes(r));
  return done;
}

bool PatternEvaluator::solve_filter(const Pattern& pattern, const Row& in, TermId graph, RowSink sink) {
  const Pattern& child = pattern.children[0];
  // The conditions see the child's solution alone: a variable bound in
  // `in` but maybe unbound in the child must not be pushed in.
  VarSet keep = child.certain;
  for (std::size_t v = 0; v < in.size(); ++v) {
    if (!condition_variables(pattern).contains(static_cast<VarId>(v))) keep.insert(static_cast<VarId>(v));
  }
  const Row child_in = restrict(in, keep);
  const bool exact = child_in == in;
  Row out;
  return solve(child, child_in, graph, [&](const Row& row) {
    if (!expressions_.passes(pattern.conditions, row, graph)) return true;
    if (exact) return sink(row);
    if (!compatible(row, in)) return true;
    out = row;
    merge_into(out, in);
    return sink(out);
  });
}

bool PatternEvaluator::solve_graph(const Pattern& pattern, const Row& in, TermId, RowSink sink) {
  const Pattern& child = pattern.children[0];
  if (!pattern.graph.is_variable()) {
    if (!is_named_graph(pattern.graph.id)) return true;
    return solve(child, in, pattern.graph.id, sink);
  }
  const VarId v = pattern.graph.id;
  if (in[v] != kUnbound) {
    if (!is_named_graph(in[v])) return true;
    return solve(child, in, in[v], sink);
  }
  Row row = in;
  const std::vector<TermId> graphs = named_graphs();
  for (TermId g : graphs) {
    row[v] = g;
    const bool go_on = solve(child, row, g, [&](const Row& r) { return r[v] != g || sink(r); });
    if (!go_on) return false;
  }
  return true;
}

bool PatternEvaluator::solve_extend(const Pattern& pattern, const Row& in, TermId graph, RowSink sink) {
  const Pattern& child = pattern.children[0];
  VarSet keep = child.certain;
  for (std::size_t v = 0; v < in.size(); ++v) {
    if (!condition_variables(pattern).contains(static_cast<VarId>(v))) keep.insert(static_cast<VarId>(v));
  }
  keep.erase(pattern.variable);
  const Row child_in = restrict(in, keep);
  const bool exact = child_in == in;
  Row out;
  return solve(child, child_in, graph, [&](const Row& row) {
    out = row;
    ++functions_.solution;
    const Value value = expressions_.evaluate(*pattern.expression, row, graph);
    if (value.ok()) out[pattern.variable] = value.intern(terms_);
    if (!exact) {
      if (!compatible(out, in)) return true;
      merge_into(out, in);
    }
    return sink(out);
  });
}

bool PatternEvaluator::solve_values(const Pattern& pattern, const Row& in, RowSink sink) {
  const std::size_t width = pattern.value_variables.size();
  Row out;
  for (std::size_t r = 0; r < pattern.value_row_count; ++r) {
    out = in;
    bool ok = true;
    for (std::size_t c = 0; c < width; ++c) {
      const TermId value = pattern.value_rows[r * width + c];
      if (value == kUnbound) continue;
      TermId& slot = out[pattern.value_variables[c]];
      if (slot != kUnbound && slot != value) {
        ok = false;
        break;
      }
      slot = value;
    }
    if (ok && !sink(out)) return false;
  }
  return true;
}

bool PatternEvaluator::solve_subquery(const Pattern& pattern, const Row& in, TermId graph, RowSink sink) {
  const Query& inner = *pattern.subquery;
  Row inner_in(inner.width(), kUnbound);
  for (const auto& [inner_var, outer_var] : pattern.projected) {
    if (pattern.certain.contains(outer_var) && in[outer_var] != kUnbound) inner_in[inner_var] = in[outer_var];
  }
  Row out;
  return run_select(*this, inner, inner_in, graph, [&](const Row& row) {
    out = in;
    for (const auto& [inner_var, outer_var] : pattern.projected) {
      const TermId value = row[inner_var];
      if (value == kUnbound) continue;
      if (out[outer_var] != kUnbound && out[outer_var] != value) return true;
      out[outer_var] = value;
    }
    return sink(out);
  });
}

bool PatternEvaluator::exists(const Pattern& pattern, const Row& row, TermId graph) {
  // EXISTS substitutes the row's values for the pattern's variables: they
  // are constants everywhere inside it, nested FILTERs included.
  const VarSet saved = fixed_;
  for (std::size_t v = 0; v < row.size(); ++v) {
    if (row[v] != kUnbound) fixed_.insert(static_cast<VarId>(v));
  }
  bool found = false;
  try {
    solve(pattern, row, graph, [&](const Row&) {
      found = true;
      return false;
    });
  } catch (...) {
    fixed_ = saved;
    throw;
  }
  fixed_ = saved;
  return found;
}

}  // namespace ng::graph::sparql
