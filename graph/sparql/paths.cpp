// Property paths (SPARQL 1.1 section 9 and 18.4): `*`, `+` and `?` by
// breadth-first search over the active graph, each node reached once (the
// spec's set semantics); negated property sets by scanning the links of a
// node; sequences, alternatives and inverses inside them by composition.
#include <algorithm>
#include <deque>
#include <unordered_set>

#include "graph/sparql/evaluator.hpp"

namespace ng::graph::sparql {

namespace {

class PathWalker {
 public:
  PathWalker(PatternEvaluator& evaluator, TermId graph, TermId named_start)
      : evaluator_(evaluator), graph_(graph), named_start_(named_start) {}

  // Calls visit(n) for every node reached from `node` by one application
  // of `path` (forward: subject to object), with the multiplicity the
  // algebra gives (closures: once per node).
  bool step(const Path& path, TermId node, bool forward, FunctionRef<bool(TermId)> visit) {
    evaluator_.budget().tick();
    switch (path.kind) {
      case Path::Kind::Link: {
        const TriplePatternIds ids = forward ? TriplePatternIds{node, path.iri, kUnbound}
                                             : TriplePatternIds{kUnbound, path.iri, node};
        return evaluator_.match(ids, graph_, [&](TermId s, TermId, TermId o) { return visit(forward ? o : s); });
      }
      case Path::Kind::Inverse: return step(path.parts[0], node, !forward, visit);
      case Path::Kind::Sequence: return sequence(path, forward ? 0 : path.parts.size() - 1, node, forward, visit);
      case Path::Kind::Alternative:
        for (const Path& part : path.parts) {
          if (!step(part, node, forward, visit)) return false;
        }
        return true;
      case Path::Kind::ZeroOrMore:
      case Path::Kind::OneOrMore:
      case Path::Kind::ZeroOrOne:
        return closure(path, node, forward, visit);
      case Path::Kind::Negated: return negated(path, node, forward, visit);
    }
    return true;
  }

 private:
  bool sequence(const Path& path, std::size_t index, TermId node, bool forward, FunctionRef<bool(TermId)> visit) {
    const bool last = forward ? index + 1 == path.parts.size() : index == 0;
    if (last) return step(path.parts[index], node, forward, visit);
    return step(path.parts[index], node, forward, [&](TermId middle) {
      return sequence(path, forward ? index + 1 : index - 1, middle, forward, visit);
    });
  }

  bool closure(const Path& path, TermId start, bool forward, FunctionRef<bool(TermId)> visit) {
    std::unordered_set<TermId> seen;
    std::deque<TermId> queue;
    const auto reach = [&](TermId n) {
      if (!seen.insert(n).second) return true;
      evaluator_.budget().charge(32);
      queue.push_back(n);
      return visit(n);
    };
    // The zero-length path: a term matches itself when the query names it
    // there, or when it is a node of the graph (a value a variable got
    // elsewhere, say from VALUES, matches only then: the algebra joins the
    // path's own solutions, which range over the graph's nodes).
    if (path.kind != Path::Kind::OneOrMore && (start == named_start_ || in_graph(start)) && !reach(start)) {
      return false;
    }
    if (path.kind == Path::Kind::ZeroOrOne) {
      return step(path.parts[0], start, forward, reach);
    }
    if (path.kind == Path::Kind::OneOrMore) {
      if (!step(path.parts[0], start, forward, reach)) return false;
    }
    while (!queue.empty()) {
      const TermId n = queue.front();
      queue.pop_front();
      if (!step(path.parts[0], n, forward, reach)) return false;
    }
    evaluator_.budget().release(seen.size() * 32);
    return true;
  }

  bool negated(const Path& path, TermId node, bool forward, FunctionRef<bool(TermId)> visit) {
    const auto excluded = [](const std::vector<TermId>& set, TermId p) {
      return std::find(set.begin(), set.end(), p) != set.end();
    };
    const bool use_forward = !path.negated_forward.empty() || path.negated_inverse.empty();
    const bool use_inverse = !path.negated_inverse.empty();
    // The forward links: node p x (p not in the set); walking backwards
    // they are x p node.
    if (use_forward) {
      const TriplePatternIds ids = forward ? TriplePatternIds{node, kUnbound, kUnbound}
                                           : TriplePatternIds{kUnbound, kUnbound, node};
      const bool go_on = evaluator_.match(ids, graph_, [&](TermId s, TermId p, TermId o) {
        return excluded(path.negated_forward, p) || visit(forward ? o : s);
      });
      if (!go_on) return false;
    }
    if (use_inverse) {
      const TriplePatternIds ids = forward ? TriplePatternIds{kUnbound, kUnbound, node}
                                           : TriplePatternIds{node, kUnbound, kUnbound};
      return evaluator_.match(ids, graph_, [&](TermId s, TermId p, TermId o) {
        return excluded(path.negated_inverse, p) || visit(forward ? s : o);
      });
    }
    return true;
  }

  bool in_graph(TermId term) {
    bool found = false;
    const auto hit = [&](TermId, TermId, TermId) {
      found = true;
      return false;
    };
    evaluator_.match({term, kUnbound, kUnbound}, graph_, hit);
    if (!found) evaluator_.match({kUnbound, kUnbound, term}, graph_, hit);
    return found;
  }

  PatternEvaluator& evaluator_;
  TermId graph_;
  TermId named_start_;  // the end the walk starts from, when the query names it
};

TermId value_of(const PatternTerm& term, const Row& row) {
  if (term.kind == PatternTerm::Kind::Constant) return term.id;
  return row[term.id];
}

}  // namespace

bool PatternEvaluator::solve_path(const Pattern& pattern, const Row& in, TermId graph, RowSink sink) {
  const TermId subject = value_of(pattern.subject, in);
  const TermId object = value_of(pattern.object, in);
  const bool subject_named = pattern.subject.kind == PatternTerm::Kind::Constant;
  const bool object_named = pattern.object.kind == PatternTerm::Kind::Constant;
  // Walk from the subject, unless only the object is named in the query
  // (so that its zero-length match counts).
  const bool forward = subject != kUnbound && (subject_named || object == kUnbound || !object_named);
  PathWalker walker(*this, graph,
                    forward ? (subject_named ? subject : kUnbound) : (object_named ? object : kUnbound));
  Row out = in;
  const auto bind = [&](const PatternTerm& term, TermId value) {
    if (term.is_variable()) out[term.id] = value;
  };
  if (forward) {
    return walker.step(pattern.path, subject, true, [&](TermId reached) {
      if (object != kUnbound) return reached != object || sink(out);
      out = in;
      bind(pattern.object, reached);
      return sink(out);
    });
  }
  if (object != kUnbound) {
    return walker.step(pattern.path, object, false, [&](TermId reached) {
      if (subject != kUnbound) return reached != subject || sink(out);
      out = in;
      bind(pattern.subject, reached);
      return sink(out);
    });
  }
  // Both ends free: start from every node of the graph (subjects and
  // objects), as a zero-length path matches each of them.
  std::vector<TermId> nodes;
  {
    std::unordered_set<TermId> seen;
    match({}, graph, [&](TermId s, TermId, TermId o) {
      for (TermId n : {s, o}) {
        if (seen.insert(n).second) {
          nodes.push_back(n);
          budget_.charge(24);
        }
      }
      return true;
    });
  }
  const bool same_variable = pattern.subject == pattern.object;
  for (TermId start : nodes) {
    const bool go_on = walker.step(pattern.path, start, true, [&](TermId reached) {
      if (same_variable && reached != start) return true;
      out = in;
      bind(pattern.subject, start);
      bind(pattern.object, reached);
      return sink(out);
    });
    if (!go_on) return false;
  }
  return true;
}

}  // namespace ng::graph::sparql
