#pragma once
// Store::Native: what a Store is made of, for graph/ code only (store.cpp,
// the SPARQL engine, DESCRIBE). Public code sees only graph/store.hpp.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

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
  // Persistent writers only: the lock and the generation directories. It
  // is declared before `rdf` so that the BDB files are closed before a
  // work generation that was not committed is deleted.
  std::optional<StoreDirectory> directory;
  redland::RedlandModel rdf;
  // True while `rdf` is open read-write on the work generation (a
  // persistent writer opens the live generation read-only until the
  // first change, so that a writer that changes nothing copies nothing).
  bool writing = false;

  // Every predicate IRI in the store, or a superset (removing a graph does
  // not shrink it). It turns (s ?p ?o) and (?s ?p o) lookups, which
  // Redland's `hashes` storage answers by scanning every statement, into
  // one index lookup per predicate. Saved as `predicates.txt` in each
  // generation; when a generation has none, `predicates_known` is false
  // and lookups fall back to scanning.
  std::set<std::string> predicates;
  bool predicates_known = true;

  // One node per predicate IRI used for (?s p ?o) lookups, kept for the
  // store's lifetime. Redland's p2so index iterator takes a reference on
  // the predicate node for every row it returns and gives back only one
  // (a librdf 1.0.17 bug): with a fresh node per lookup, every lookup
  // leaked a node; with these shared ones, each predicate leaks once.
  mutable std::map<std::string, redland::NodePtr> predicate_nodes;

  // rasqal, created on the first query; destroyed before `rdf` because it
  // shares the raptor world of the librdf world.
  std::unique_ptr<detail::QueryEngine, detail::QueryEngineDeleter> query_engine;

  librdf_world* world() const noexcept { return rdf.world(); }
  librdf_model* model() const noexcept { return rdf.model(); }
};

}  // namespace ng::graph
