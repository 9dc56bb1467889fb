#pragma once
// A QuadSource over quads held in memory, for the engine's tests: the
// engine runs on it exactly as on the store, and it counts the triples it
// hands out, so that a test can tell a linear plan from a quadratic one.

#include <cstddef>
#include <string>
#include <vector>

#include "graph/sparql/engine.hpp"
#include "graph/sparql/parser.hpp"
#include "graph/sparql/quad_source.hpp"
#include "ontology/term.hpp"

namespace ng::graph::test {

class MemoryQuadSource final : public sparql::QuadSource {
 public:
  MemoryQuadSource(const std::vector<ontology::Quad>& quads, sparql::TermTable& terms) {
    for (const ontology::Quad& q : quads) {
      quads_.push_back({terms.intern(q.subject), terms.intern(q.predicate), terms.intern(q.object),
                        terms.intern(ontology::Term::iri(q.graph_name))});
    }
    for (const Quad& q : quads_) {
      bool known = false;
      for (sparql::TermId g : graphs_) known = known || g == q.graph;
      if (!known) graphs_.push_back(q.graph);
    }
  }

  bool match(const sparql::TriplePatternIds& p, sparql::TermId graph,
             sparql::FunctionRef<bool(sparql::TermId, sparql::TermId, sparql::TermId)> visit) override {
    std::vector<Quad> seen;  // the default graph shows each triple once
    for (const Quad& q : quads_) {
      if (graph != sparql::kUnbound && q.graph != graph) continue;
      if ((p.subject != sparql::kUnbound && p.subject != q.subject) ||
          (p.predicate != sparql::kUnbound && p.predicate != q.predicate) ||
          (p.object != sparql::kUnbound && p.object != q.object)) {
        continue;
      }
      if (graph == sparql::kUnbound) {
        bool repeat = false;
        for (const Quad& s : seen) repeat = repeat || (s.subject == q.subject && s.predicate == q.predicate && s.object == q.object);
        if (repeat) continue;
        seen.push_back(q);
      }
      ++visited;
      if (!visit(q.subject, q.predicate, q.object)) return false;
    }
    return true;
  }
  const std::vector<sparql::TermId>& graphs() override { return graphs_; }
  std::size_t estimate(const sparql::TriplePatternIds& p, sparql::TermId graph, std::size_t limit) override {
    std::size_t n = 0;
    for (const Quad& q : quads_) {
      if ((graph == sparql::kUnbound || q.graph == graph) && (p.subject == 0 || p.subject == q.subject) &&
          (p.predicate == 0 || p.predicate == q.predicate) && (p.object == 0 || p.object == q.object) && ++n >= limit) {
        break;
      }
    }
    return n;
  }

  // Triples handed to the engine so far.
  std::size_t visited = 0;

 private:
  struct Quad {
    sparql::TermId subject, predicate, object, graph;
  };
  std::vector<Quad> quads_;
  std::vector<sparql::TermId> graphs_;
};

}  // namespace ng::graph::test
