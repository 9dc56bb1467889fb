#pragma once
// Statement lookup over the store that works around two properties of
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
//
// Borrowed pointers (statement(), graph()) are valid until next().

#include <string>
#include <unordered_set>
#include <vector>

#include "graph/redland.hpp"
#include "graph/redland_store.hpp"

namespace ng::graph::detail {

class StatementCursor {
 public:
  // Null pattern parts match anything; they are copied. `graph` restricts
  // to one named graph. `distinct` drops repeated triples (only meaningful
  // when `graph` is null).
  StatementCursor(const Store::Native& native, librdf_node* subject, librdf_node* predicate, librdf_node* object,
                  librdf_node* graph, bool distinct);

  bool at_end() const noexcept { return !stream_; }
  librdf_statement* statement() const;  // borrowed
  librdf_node* graph() const;           // borrowed; the current statement's graph
  void next();

 private:
  bool open_next_stream();
  bool accept();
  void settle();

  const Store::Native& native_;
  redland::NodePtr subject_, predicate_, object_, graph_;
  // The lookups still to run, as (s, p, o) patterns; index of the next.
  std::vector<redland::StatementPtr> lookups_;
  std::size_t next_lookup_ = 0;
  redland::StreamPtr stream_;
  bool distinct_;
  bool filter_ = false;  // lookups return more than the pattern matches
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
