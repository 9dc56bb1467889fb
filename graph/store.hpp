#pragma once
// The embedded RDF store: a Redland model over Berkeley DB hash files (the
// persistent default) or over in-memory hashes. Named graphs (contexts) are
// always on: newsgraph puts each article's triples in a graph named by the
// article's IRI, so that re-building an article replaces exactly its triples.
//
// Crash safety: the store directory holds numbered generations of the BDB
// files and a CURRENT file naming the live one. A writer copies the live
// generation, writes into the copy, syncs it, and switches CURRENT with an
// atomic rename in commit(). A build killed at any point (kill -9) leaves
// CURRENT on the last complete generation: never half an article. A lock
// file keeps a second writer out; readers always open the live generation.
//
// Redland is not thread-safe: one Store belongs to one thread. Parallel work
// (extraction) happens before anything is handed to the store.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ontology/term.hpp"

namespace ng::graph {

struct StoreOptions {
  enum class Mode { ReadOnly, ReadWrite };
  // Directory of the persistent store; empty = in memory (nothing persists;
  // always writable, whatever `mode` says).
  std::string path;
  Mode mode = Mode::ReadOnly;
  // ReadWrite only: create the directory when it does not exist.
  bool create = true;
};

class Store {
 public:
  // Opens (or creates) a store. Throws StoreError with a one-line reason
  // (missing store for ReadOnly, locked by another writer, not a newsgraph
  // store, BDB refused to open).
  explicit Store(StoreOptions options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  // Adds quads; graph_name must not be empty (newsgraph keeps every triple in
  // a named graph). Terms are trusted to be valid UTF-8 in NFC (the loaders
  // validate); duplicates inside one call are added once.
  void add(std::span<const ontology::Quad> quads);
  // Removes every triple of a named graph; returns how many were removed.
  std::size_t remove_graph(std::string_view graph_name);
  // Replaces a graph's triples (remove + add).
  void replace_graph(std::string_view graph_name, std::span<const ontology::Quad> quads);
  bool has_graph(std::string_view graph_name) const;
  // Names of all named graphs, sorted.
  std::vector<std::string> graph_names() const;

  // Objects of (subject, predicate, ?) in any graph, deduplicated, sorted.
  std::vector<ontology::Term> objects(std::string_view subject_iri, std::string_view predicate_iri) const;

  // Calls `visit` for every quad (any order; a triple in two graphs is
  // visited twice). Used by the exporters.
  void for_each_quad(const std::function<void(const ontology::Quad&)>& visit) const;
  // Number of quads (counts a triple once per graph it is in).
  std::size_t size() const;

  // ReadWrite: makes everything added so far durable and visible to readers
  // (flush, fsync, atomic switch of CURRENT). Without commit(), destroying a
  // ReadWrite store discards its changes.
  void commit();

  bool persistent() const noexcept;
  const std::string& path() const noexcept;

  // For graph/ only (SPARQL): the underlying librdf world and model.
  struct Native;
  Native& native() const;

 private:
  std::unique_ptr<Native> native_;
};

}  // namespace ng::graph
