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

std::string node_key(librdf_node* node) {
  std::string key;
  append_key(key, node);
  return key;
}

// The store's shared node for a predicate (see Store::Native::predicate_nodes).
librdf_node* shared_predicate_node(const Store::Native& native, librdf_node* predicate) {
  const std::string iri = to_term(predicate).value;
  auto it = native.predicate_nodes.find(iri);
  if (it == native.predicate_nodes.end()) {
    // A node of its own (not a reference to the caller's), so that the
    // references Redland leaks stay on this one.
    it = native.predicate_nodes.emplace(iri, make_node(native.world(), ontology::Term::iri(iri))).first;
  }
  return it->second.get();
}

}  // namespace

GraphStatements::GraphStatements(const Store::Native& native, librdf_node* graph) : graph_(copy(graph)) {
  StreamPtr stream(librdf_model_context_as_stream(native.model(), graph));
  for (; stream && !librdf_stream_end(stream.get()); librdf_stream_next(stream.get())) {
    // Borrowed from the stream: keep a copy.
    StatementPtr statement(librdf_new_statement_from_statement(librdf_stream_get_object(stream.get())));
    if (!statement) throw StoreError("could not copy a statement (out of memory?)");
    all_.push_back(statement.get());
    by_subject_[node_key(librdf_statement_get_subject(statement.get()))].push_back(statement.get());
    owned_.push_back(std::move(statement));
  }
}

const std::vector<librdf_statement*>* GraphStatements::about(librdf_node* subject) const {
  const auto it = by_subject_.find(node_key(subject));
  return it != by_subject_.end() ? &it->second : nullptr;
}

StatementCursor::StatementCursor(const Store::Native& native, librdf_node* subject, librdf_node* predicate,
                                 librdf_node* object, const GraphStatements* graph, bool distinct)
    : native_(native),
      subject_(copy(subject)),
      predicate_(copy(predicate)),
      object_(copy(object)),
      graph_(graph),
      distinct_(distinct && graph == nullptr) {
  if (graph != nullptr) {
    // A graph holds each triple once: filter its snapshot, no dedupe.
    candidates_ = subject != nullptr ? graph->about(subject) : &graph->all();
    filter_ = true;
    settle();
    return;
  }
  librdf_world* world = native.world();
  const int bound = (subject != nullptr) + (predicate != nullptr) + (object != nullptr);
  if (bound == 0) {
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
  } else if (bound == 1 && predicate != nullptr) {
    // (?s p ?o) uses the p2so index, which leaks references on its node.
    lookups_.push_back(pattern(world, nullptr, shared_predicate_node(native, predicate), nullptr));
  } else if (bound == 3) {
    // Fully bound: ask (s p ?o) and keep the matching object (accept()).
    lookups_.push_back(pattern(world, subject, predicate, nullptr));
  } else {
    lookups_.push_back(pattern(world, subject, predicate, object));
  }
  if (full_scan_) lookups_.push_back(pattern(world, nullptr, nullptr, nullptr));
  // Lookups broader than the pattern need their results filtered.
  filter_ = full_scan_ || bound == 3;
  if (open_next_stream()) settle();
}

bool StatementCursor::at_end() const noexcept {
  if (candidates_ != nullptr || graph_ != nullptr) return candidates_ == nullptr || position_ >= candidates_->size();
  return !stream_;
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
    stream_.reset(everything ? librdf_model_as_stream(native_.model())
                             : librdf_model_find_statements(native_.model(), lookup));
    if (stream_ && !librdf_stream_end(stream_.get())) return true;
  }
  stream_.reset();
  return false;
}

// Whether a statement belongs in the answer.
bool StatementCursor::accept(librdf_statement* current) {
  if (current == nullptr) return false;
  if (filter_) {
    if (subject_ && !librdf_node_equals(librdf_statement_get_subject(current), subject_.get())) return false;
    if (predicate_ && !librdf_node_equals(librdf_statement_get_predicate(current), predicate_.get())) return false;
    if (object_ && !librdf_node_equals(librdf_statement_get_object(current), object_.get())) return false;
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
  if (graph_ != nullptr) {
    while (candidates_ != nullptr && position_ < candidates_->size() && !accept((*candidates_)[position_])) {
      ++position_;
    }
    return;
  }
  while (stream_) {
    if (librdf_stream_end(stream_.get())) {
      if (!open_next_stream()) return;
      continue;
    }
    if (accept(librdf_stream_get_object(stream_.get()))) return;
    librdf_stream_next(stream_.get());
  }
}

librdf_statement* StatementCursor::statement() const {
  if (graph_ != nullptr) return at_end() ? nullptr : (*candidates_)[position_];
  return stream_ ? librdf_stream_get_object(stream_.get()) : nullptr;
}

void StatementCursor::next() {
  if (graph_ != nullptr) {
    if (!at_end()) ++position_;
  } else if (stream_) {
    librdf_stream_next(stream_.get());
  }
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
