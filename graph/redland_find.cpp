#include "graph/redland_find.hpp"

#include "common/error.hpp"

namespace ng::graph::detail {

using namespace redland;

namespace {

NodePtr copy(librdf_node* node) { return NodePtr(node != nullptr ? librdf_new_node_from_node(node) : nullptr); }

StatementPtr pattern(librdf_world* world, librdf_node* s, librdf_node* p, librdf_node* o) {
  // librdf_new_statement_from_nodes takes the (copied) nodes; nulls are wildcards.
  StatementPtr statement(
      librdf_new_statement_from_nodes(world, copy(s).release(), copy(p).release(), copy(o).release()));
  if (!statement) throw StoreError("could not build a statement pattern (out of memory?)");
  return statement;
}

}  // namespace

StatementCursor::StatementCursor(const Store::Native& native, librdf_node* subject, librdf_node* predicate,
                                 librdf_node* object, librdf_node* graph, bool distinct)
    : native_(native),
      subject_(copy(subject)),
      predicate_(copy(predicate)),
      object_(copy(object)),
      graph_(copy(graph)),
      distinct_(distinct && graph == nullptr) {
  librdf_world* world = native.world();
  const int bound = (subject != nullptr) + (predicate != nullptr) + (object != nullptr);
  if (graph != nullptr && subject == nullptr) {
    // Inside one graph, scanning the graph beats an index lookup across
    // all graphs: rasqal runs GRAPH ?g { ?s p o } once per graph, and the
    // index would return every graph's matches every time.
    lookups_.push_back(pattern(world, nullptr, nullptr, nullptr));
  } else if (bound == 0) {
    full_scan_ = true;
  } else if (predicate == nullptr && (subject == nullptr || object == nullptr)) {
    // (s ?p ?o) or (?s ?p o): one indexed lookup per known predicate.
    if (native.predicates_known) {
      for (const std::string& iri : native.predicates) {
        NodePtr p = make_node(world, ontology::Term::iri(iri));
        lookups_.push_back(pattern(world, subject, p.get(), object));
      }
    } else {
      full_scan_ = true;
    }
  } else if (bound == 3) {
    // Fully bound: ask (s p ?o) and keep the matching object (accept()).
    lookups_.push_back(pattern(world, subject, predicate, nullptr));
  } else {
    lookups_.push_back(pattern(world, subject, predicate, object));
  }
  if (full_scan_) {
    lookups_.push_back(pattern(world, nullptr, nullptr, nullptr));
  }
  // Lookups broader than the pattern need their results filtered.
  filter_ = full_scan_ || bound == 3 || (graph != nullptr && subject == nullptr);
  if (open_next_stream()) settle();
}

bool StatementCursor::open_next_stream() {
  stream_.reset();
  seen_.clear();
  group_.clear();
  while (next_lookup_ < lookups_.size()) {
    librdf_statement* lookup = lookups_[next_lookup_++].get();
    const bool everything = librdf_statement_get_subject(lookup) == nullptr &&
                            librdf_statement_get_predicate(lookup) == nullptr &&
                            librdf_statement_get_object(lookup) == nullptr;
    if (everything && graph_) {
      stream_.reset(librdf_model_context_as_stream(native_.model(), graph_.get()));
    } else if (everything) {
      stream_.reset(librdf_model_as_stream(native_.model()));
    } else {
      stream_.reset(librdf_model_find_statements(native_.model(), lookup));
    }
    if (stream_ && !librdf_stream_end(stream_.get())) return true;
  }
  stream_.reset();
  return false;
}

// Whether the current statement belongs in the answer.
bool StatementCursor::accept() {
  librdf_statement* current = librdf_stream_get_object(stream_.get());
  if (current == nullptr) return false;
  if (filter_) {
    if (subject_ && !librdf_node_equals(librdf_statement_get_subject(current), subject_.get())) return false;
    if (predicate_ && !librdf_node_equals(librdf_statement_get_predicate(current), predicate_.get())) return false;
    if (object_ && !librdf_node_equals(librdf_statement_get_object(current), object_.get())) return false;
  }
  if (graph_) {
    librdf_node* context = librdf_stream_get_context2(stream_.get());
    if (context == nullptr || !librdf_node_equals(context, graph_.get())) return false;
  }
  if (!distinct_) return true;
  if (full_scan_) {
    std::string group;
    append_key(group, librdf_statement_get_subject(current));
    append_key(group, librdf_statement_get_predicate(current));
    if (group != group_) {
      group_ = std::move(group);
      seen_.clear();
    }
  }
  return seen_.insert(statement_key(current)).second;
}

void StatementCursor::settle() {
  while (stream_) {
    if (librdf_stream_end(stream_.get())) {
      if (!open_next_stream()) return;
      continue;
    }
    if (accept()) return;
    librdf_stream_next(stream_.get());
  }
}

librdf_statement* StatementCursor::statement() const { return librdf_stream_get_object(stream_.get()); }

librdf_node* StatementCursor::graph() const { return librdf_stream_get_context2(stream_.get()); }

void StatementCursor::next() {
  if (!stream_) return;
  librdf_stream_next(stream_.get());
  settle();
}

std::vector<ontology::Triple> triples_about(const Store::Native& native, librdf_node* subject) {
  std::vector<ontology::Triple> triples;
  for (StatementCursor cursor(native, subject, nullptr, nullptr, nullptr, true); !cursor.at_end(); cursor.next()) {
    librdf_statement* statement = cursor.statement();
    triples.push_back({to_term(librdf_statement_get_subject(statement)),
                       to_term(librdf_statement_get_predicate(statement)),
                       to_term(librdf_statement_get_object(statement))});
  }
  return triples;
}

}  // namespace ng::graph::detail
