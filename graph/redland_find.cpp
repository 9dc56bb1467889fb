#include "graph/redland_find.hpp"

#include "common/error.hpp"
#include "graph/term_spelling.hpp"

namespace ng::graph::detail {

using namespace redland;

namespace {

NodePtr copy(librdf_node* node) { return NodePtr(node != nullptr ? librdf_new_node_from_node(node) : nullptr); }

// The id of a pattern part: kAnyTerm for a wildcard, nothing when the
// store has no such term (then nothing matches).
std::optional<TermId> part_id(const Store::Native& native, librdf_node* node) {
  if (node == nullptr) return kAnyTerm;
  return native.id_of(node);
}

}  // namespace

GraphStatements::GraphStatements(const Store::Native& native, librdf_node* graph)
    : graph_(copy(graph)), id_(graph != nullptr ? native.id_of(graph) : std::nullopt) {}

StatementCursor::StatementCursor(const Store::Native& native, librdf_node* subject, librdf_node* predicate,
                                 librdf_node* object, const GraphStatements* graph, bool distinct)
    : native_(const_cast<Store::Native&>(native)), graph_(graph) {
  const auto s = part_id(native, subject);
  const auto p = part_id(native, predicate);
  const auto o = part_id(native, object);
  if (!s || !p || !o) return;  // a term the store does not have: no match
  IdPattern pattern{*s, *p, *o, kAnyTerm};
  if (graph != nullptr) {
    if (!graph->id()) return;
    pattern.graph = *graph->id();
  }
  cursor_ = native.quads->match(pattern, distinct && graph == nullptr ? Distinct::Triples : Distinct::Quads);
}

librdf_statement* StatementCursor::statement() const {
  if (at_end()) return nullptr;
  if (!statement_) {
    const IdQuad& quad = cursor_.quad();
    NodePtr s(native_.node(quad.subject));
    NodePtr p(native_.node(quad.predicate));
    NodePtr o(native_.node(quad.object));
    // Takes the three nodes, even when it fails.
    statement_.reset(librdf_new_statement_from_nodes(native_.world(), s.release(), p.release(), o.release()));
    if (!statement_) throw StoreError("could not build a statement (out of memory?)");
  }
  return statement_.get();
}

void StatementCursor::next() {
  statement_.reset();
  if (!cursor_.at_end()) cursor_.next();
}

std::vector<ontology::Triple> triples_about(const Store::Native& native, librdf_node* subject) {
  std::vector<ontology::Triple> triples;
  const std::optional<TermId> id = native.id_of(subject);
  if (!id) return triples;
  QuadStore& store = *native.quads;
  const auto term = [&](TermId part) {
    std::optional<ontology::Term> t = term_of_spelling(store.spelling(part));
    if (!t) throw StoreError("store " + store.where() + " is damaged: a term cannot be read (run `newsgraph check`)");
    return std::move(*t);
  };
  for (QuadCursor cursor = store.match({*id, kAnyTerm, kAnyTerm, kAnyTerm}, Distinct::Triples); !cursor.at_end();
       cursor.next()) {
    const IdQuad& quad = cursor.quad();
    triples.push_back({term(quad.subject), term(quad.predicate), term(quad.object)});
  }
  return triples;
}

}  // namespace ng::graph::detail
