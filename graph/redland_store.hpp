#pragma once
// Store::Native: what a Store is made of, for graph/ code only (store.cpp,
// the SPARQL engine, DESCRIBE, the exporters). Public code sees only
// graph/store.hpp.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "graph/redland.hpp"
#include "graph/redland_quads.hpp"
#include "graph/store.hpp"
#include "graph/store_directory.hpp"

namespace ng::graph {

namespace detail {
class QueryEngine;  // graph/redland_query.hpp
struct QueryEngineDeleter {
  void operator()(QueryEngine* engine) const noexcept;
};
class Pending;  // store.cpp: a writer's changes not yet in `base`
struct PendingDeleter {
  void operator()(Pending* pending) const noexcept;
};
}  // namespace detail

struct Store::Native {
  StoreOptions options;
  // Persistent writers only: the lock and the generation directories. It
  // is declared before `base` so that the files of a work generation that
  // was not committed are unmapped before it is deleted.
  std::optional<StoreDirectory> directory;
  // The librdf world: raptor and rasqal run in it (SPARQL), and DESCRIBE
  // speaks librdf nodes.
  redland::World rdf;
  // The store as of the last compaction: the live generation (mapped), or
  // for a writer the generation it last wrote, or memory.
  detail::Generation base;
  // A writer's changes since `base` (null: none).
  std::unique_ptr<detail::Pending, detail::PendingDeleter> pending;
  // True while a persistent writer has a work generation (from its first
  // change until commit), so that a writer that changes nothing copies
  // nothing.
  bool writing = false;
  // Bumped whenever `base` is replaced, for caches of Refs.
  std::uint64_t epoch = 0;

  // rasqal, created on the first query; destroyed before `rdf` because it
  // shares the raptor world of the librdf world.
  std::unique_ptr<detail::QueryEngine, detail::QueryEngineDeleter> query_engine;

  librdf_world* world() const noexcept { return rdf.get(); }
  // Writes the pending changes into a new `base` (the work generation's
  // files, or memory), so that every lookup can use the indexes. Reads
  // that are more than a subject lookup call it first.
  void compact();
};

}  // namespace ng::graph
