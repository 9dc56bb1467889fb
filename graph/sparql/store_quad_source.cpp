#include "graph/sparql/store_quad_source.hpp"

#include <unordered_map>

#include "graph/redland.hpp"
#include "graph/redland_find.hpp"
#include "graph/redland_store.hpp"
#include "graph/store.hpp"

namespace ng::graph::sparql {

using redland::NodePtr;

struct StoreQuadSource::State {
  const Store& store;
  Store::Native& native;
  TermTable& terms;
  // librdf nodes of the terms used in lookups, by TermId (made once).
  std::vector<NodePtr> nodes;
  std::optional<std::vector<TermId>> graphs;
  // Snapshots of recently read named graphs (most recent last).
  std::vector<std::pair<TermId, std::unique_ptr<detail::GraphStatements>>> snapshots;

  librdf_node* node(TermId id) {
    if (id == kUnbound) return nullptr;
    if (id >= nodes.size()) nodes.resize(static_cast<std::size_t>(id) + 1);
    if (!nodes[id]) nodes[id] = redland::make_node(native.world(), terms.term(id));
    return nodes[id].get();
  }

  const detail::GraphStatements& snapshot(TermId graph) {
    for (auto& [id, statements] : snapshots) {
      if (id == graph) return *statements;
    }
    constexpr std::size_t kKept = 8;
    if (snapshots.size() >= kKept) snapshots.erase(snapshots.begin());
    snapshots.emplace_back(graph, std::make_unique<detail::GraphStatements>(native, node(graph)));
    return *snapshots.back().second;
  }

  TermId intern(librdf_node* n, TermId known) { return known != kUnbound ? known : terms.intern(redland::to_term(n)); }

  template <class Visit>
  bool run(const TriplePatternIds& pattern, TermId graph, Visit&& visit) {
    if (graph != kUnbound && !terms.term(graph).is_iri()) return true;
    // A literal subject or predicate matches nothing (and librdf would
    // refuse to build the pattern).
    if (pattern.subject != kUnbound && terms.term(pattern.subject).is_literal()) return true;
    if (pattern.predicate != kUnbound && !terms.term(pattern.predicate).is_iri()) return true;
    const detail::GraphStatements* in_graph = graph != kUnbound ? &snapshot(graph) : nullptr;
    // Language tags are compared in lower case (TermTable), the store keeps
    // them as written: a language-tagged object is matched after reading.
    const bool tagged = pattern.object != kUnbound && !terms.term(pattern.object).language.empty();
    for (detail::StatementCursor cursor(native, node(pattern.subject), node(pattern.predicate),
                                        tagged ? nullptr : node(pattern.object), in_graph, in_graph == nullptr);
         !cursor.at_end(); cursor.next()) {
      librdf_statement* s = cursor.statement();
      if (tagged && terms.intern(redland::to_term(librdf_statement_get_object(s))) != pattern.object) continue;
      if (!visit(s)) return false;
    }
    return true;
  }
};

StoreQuadSource::StoreQuadSource(const Store& store, TermTable& terms)
    : state_(std::make_unique<State>(State{store, store.native(), terms, {}, std::nullopt, {}})) {}

StoreQuadSource::~StoreQuadSource() = default;

bool StoreQuadSource::match(const TriplePatternIds& pattern, TermId graph,
                            FunctionRef<bool(TermId, TermId, TermId)> visit) {
  State& st = *state_;
  return st.run(pattern, graph, [&](librdf_statement* s) {
    const TermId subject = st.intern(librdf_statement_get_subject(s), pattern.subject);
    const TermId predicate = st.intern(librdf_statement_get_predicate(s), pattern.predicate);
    const TermId object = st.intern(librdf_statement_get_object(s), pattern.object);
    return visit(subject, predicate, object);
  });
}

const std::vector<TermId>& StoreQuadSource::graphs() {
  State& st = *state_;
  if (!st.graphs) {
    st.graphs.emplace();
    for (std::string& name : st.store.graph_names()) st.graphs->push_back(st.terms.intern(ontology::Term::iri(std::move(name))));
  }
  return *st.graphs;
}

std::size_t StoreQuadSource::estimate(const TriplePatternIds& pattern, TermId graph, std::size_t limit) {
  std::size_t count = 0;
  state_->run(pattern, graph, [&](librdf_statement*) { return ++count < limit; });
  return count;
}

}  // namespace ng::graph::sparql
