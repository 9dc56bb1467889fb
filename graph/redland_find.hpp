#pragma once
// Statement lookup for the SPARQL triples source, on the store's id
// indexes (graph/store_ids.hpp), with librdf nodes in and statements out:
//
// - Every pattern is one range of one sorted index; (s ?p ?o), (?s ?p o)
//   and fully bound patterns are lookups, not scans.
// - Without a graph and with `distinct`, a triple stored in several named
//   graphs comes back once, so the default graph reads as the set union of
//   the named graphs (what SPARQL's default graph means here). The copies
//   are neighbours in the index, so this needs no memory.
// - With a graph, only that graph's statements match (each once).
//
// Borrowed pointers (statement(), graph()) are valid until next().

#include <optional>

#include "graph/redland.hpp"
#include "graph/redland_store.hpp"

namespace ng::graph::detail {

// A named graph for patterns inside GRAPH: its node and id.
class GraphStatements {
 public:
  GraphStatements(const Store::Native& native, librdf_node* graph);
  librdf_node* graph() const noexcept { return graph_.get(); }
  // Nothing when the store has no such graph.
  std::optional<TermId> id() const noexcept { return id_; }

 private:
  redland::NodePtr graph_;
  std::optional<TermId> id_;
};

class StatementCursor {
 public:
  // Null pattern parts match anything. With `graph`, only that graph's
  // statements match. Without, `distinct` drops repeated triples.
  StatementCursor(const Store::Native& native, librdf_node* subject, librdf_node* predicate, librdf_node* object,
                  const GraphStatements* graph, bool distinct);

  bool at_end() const noexcept { return cursor_.at_end(); }
  librdf_statement* statement() const;  // borrowed
  // The graph of the current statement when the cursor was given one;
  // null otherwise.
  librdf_node* graph() const noexcept { return graph_ != nullptr ? graph_->graph() : nullptr; }
  void next();

 private:
  Store::Native& native_;
  const GraphStatements* graph_;
  QuadCursor cursor_;
  mutable redland::StatementPtr statement_;
};

// The triples of `subject` in any graph, each once (the concise bounded
// description's first step). `subject` is borrowed.
std::vector<ontology::Triple> triples_about(const Store::Native& native, librdf_node* subject);

}  // namespace ng::graph::detail
