#pragma once
// Statement lookup over the store that works around three properties of
// Redland's `hashes` storage (measured, see graph/README.md):
//
// 1. Only (?s p o), (s ?p o), (s p ?o) and (?s p ?o) use an index. Every
//    other pattern -- (s ?p ?o), (?s ?p o), even a fully bound (s p o) --
//    scans all statements. StatementCursor answers (s ?p ?o) and (?s ?p o)
//    with one indexed lookup per known predicate, and (s p o) through
//    (s p ?o).
// 2. A triple stored in two named graphs comes back twice from any lookup
//    that does not name a graph. With `distinct`, the cursor drops the
//    repeats, so the default graph reads as the set union of the named
//    graphs (what SPARQL's default graph means here).
// 3. Asking an indexed lookup's stream for the statement's graph
//    (librdf_stream_get_context2) leaks the nodes it decodes, about 90
//    bytes per statement. Patterns inside one graph are therefore answered
//    from a GraphStatements snapshot read once from the graph's own
//    (leak-free) context stream and indexed by subject.
//
// Borrowed pointers (statement(), graph()) are valid until next().

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/redland.hpp"
#include "graph/redland_store.hpp"

namespace ng::graph::detail {

// The statements of one named graph, read once, indexed by subject.
class GraphStatements {
 public:
  GraphStatements(const Store::Native& native, librdf_node* graph);
  librdf_node* graph() const noexcept { return graph_.get(); }
  const std::vector<librdf_statement*>& all() const noexcept { return all_; }
  // The statements about `subject`, or null when there are none.
  const std::vector<librdf_statement*>* about(librdf_node* subject) const;

 private:
  redland::NodePtr graph_;
  std::vector<redland::StatementPtr> owned_;
  std::vector<librdf_statement*> all_;
  std::unordered_map<std::string, std::vector<librdf_statement*>> by_subject_;
};

class StatementCursor {
 public:
  // Null pattern parts match anything; they are copied. With `graph`,
  // only that graph's statements match (each once). Without, `distinct`
  // drops repeated triples.
  StatementCursor(const Store::Native& native, librdf_node* subject, librdf_node* predicate, librdf_node* object,
                  const GraphStatements* graph, bool distinct);

  bool at_end() const noexcept;
  librdf_statement* statement() const;  // borrowed
  // The graph of the current statement when the cursor was given one;
  // null otherwise (see 3. above).
  librdf_node* graph() const noexcept { return graph_ != nullptr ? graph_->graph() : nullptr; }
  void next();

 private:
  bool open_next_stream();
  bool accept(librdf_statement* current);
  void settle();

  const Store::Native& native_;
  redland::NodePtr subject_, predicate_, object_;
  const GraphStatements* graph_;
  // Inside a graph: the snapshot's candidates and the current position.
  const std::vector<librdf_statement*>* candidates_ = nullptr;
  std::size_t position_ = 0;
  // Otherwise: the lookups still to run, as (s, p, o) patterns.
  std::vector<redland::StatementPtr> lookups_;
  std::size_t next_lookup_ = 0;
  redland::StreamPtr stream_;
  bool distinct_;
  bool filter_ = false;  // the candidates are broader than the pattern
  // A full scan returns statements grouped by (subject, predicate), so the
  // repeats of a triple are adjacent groups: the seen-set is cleared when
  // the group changes and stays small. Indexed lookups keep it for the
  // lookup (its size is bounded by that lookup's result).
  bool full_scan_ = false;
  std::string group_;
  std::unordered_set<std::string> seen_;
};

// The triples of `subject` in any graph, each once (the concise bounded
// description's first step). `subject` is borrowed.
std::vector<ontology::Triple> triples_about(const Store::Native& native, librdf_node* subject);

}  // namespace ng::graph::detail
