#pragma once
// Store::Native: what a Store is made of, for graph/ code only (store.cpp,
// the SPARQL engine, DESCRIBE, the exporters). Public code sees only
// graph/store.hpp.

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "graph/quad_store.hpp"
#include "graph/redland.hpp"
#include "graph/store.hpp"
#include "graph/store_directory.hpp"

namespace ng::graph {

namespace detail {
class QueryEngine;  // graph/redland_query.hpp
struct QueryEngineDeleter {
  void operator()(QueryEngine* engine) const noexcept;
};
}  // namespace detail

struct Store::Native {
  StoreOptions options;
  // Persistent writers only: the writer lock, released last.
  std::optional<StoreDirectory> directory;
  // The quads. Shared with the Redland storage module's instance and with
  // open cursors; Store's destructor ends its transaction.
  std::shared_ptr<QuadStore> quads;
  // librdf world and a model over the "newsgraph" storage on `quads`.
  redland::RedlandModel rdf;
  // rasqal, created on the first query; destroyed before `rdf` because it
  // shares the raptor world of the librdf world.
  std::unique_ptr<detail::QueryEngine, detail::QueryEngineDeleter> query_engine;

  // Librdf nodes of ids, for the SPARQL triples source (cleared when the
  // store's id epoch changes, and when it grows large).
  std::unordered_map<TermId, redland::NodePtr> nodes;
  std::uint64_t nodes_epoch = 0;
  // A new reference to the node of an id (null for the unnamed graph).
  librdf_node* node(TermId id);
  // The id of a librdf node's term, if the store has it.
  std::optional<TermId> id_of(librdf_node* node) const;

  librdf_world* world() const noexcept { return rdf.world(); }
  librdf_model* model() const noexcept { return rdf.model(); }
};

}  // namespace ng::graph
