#pragma once
// The embedded RDF store: a Redland model over newsgraph's own storage
// module, which keeps the quads in LMDB (a term dictionary and four sorted
// quad indexes; graph/README.md). Named graphs are always on: newsgraph
// puts each article's triples in a graph named by the article's IRI, so
// that re-building an article replaces exactly its triples.
//
// Transactions: a ReadWrite store is one LMDB write transaction until
// commit(), which makes everything durable and visible at once (then the
// next transaction begins). A build killed at any moment (kill -9) leaves
// the last commit; never half an article. A second writer is refused with
// the first one's pid; readers (ReadOnly stores, in this process or any
// other) see the last commit and never wait.
//
// Threads: not thread-safe. One thread at a time may use a Store (the
// build hands it to its store thread and takes it back); commit() must be
// called on the thread that opened the store (LMDB's writer lock belongs to
// that thread).

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/store_ids.hpp"
#include "ontology/term.hpp"

namespace ng::graph {

struct StoreOptions {
  enum class Mode { ReadOnly, ReadWrite };
  // Directory of the persistent store; empty = in memory (unlinked
  // temporary files: nothing persists; always writable, whatever `mode`
  // says).
  std::string path;
  Mode mode = Mode::ReadOnly;
  // ReadWrite only: create the directory when it does not exist.
  bool create = true;
};

class Store {
 public:
  // Opens (or creates) a store. Throws StoreError with a one-line reason
  // (missing store for ReadOnly, locked by another writer, not a newsgraph
  // store, a store of the old Berkeley DB format, a damaged store).
  explicit Store(StoreOptions options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  // Adds quads; graph_name must not be empty (newsgraph keeps every triple in
  // a named graph). Terms are trusted to be valid UTF-8 in NFC (the loaders
  // validate); a quad the store has already is not added again. Quads are
  // buffered and written to the indexes in sorted runs.
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

  // Calls `visit` for every quad (in the order of the spog index; a triple
  // in two graphs is visited twice).
  void for_each_quad(const std::function<void(const ontology::Quad&)>& visit) const;
  // Number of quads (counts a triple once per graph it is in).
  std::size_t size() const;

  // ReadWrite: makes everything added so far durable and visible to readers
  // (one LMDB commit). Without commit(), destroying a ReadWrite store
  // discards its changes.
  void commit();

  // The base IRI the store's IRIs were minted with (set by `build`), so
  // that later commands need no --base.
  std::optional<std::string> base_iri() const;
  void set_base_iri(std::string_view base);

  // The input file a graph was built from (absolute path), kept so that
  // `newsgraph remove` can find the graphs of a file, or of files that
  // are gone. Removing the graph forgets it; replacing it keeps it.
  void set_graph_source(std::string_view graph_name, std::string_view input_path);
  // Graph name -> input path, for the graphs that have one.
  std::vector<std::pair<std::string, std::string>> graph_sources() const;

  // Side tables: what a build keeps about its inputs and entities
  // (pipeline/README.md), written in the same transaction as the quads,
  // committed or lost with them, but not quads: never exported, queried or
  // counted. Keys are at most ~500 bytes (longer ones are not kept).
  std::optional<std::string> side_value(std::string_view table, std::string_view key) const;
  void set_side_value(std::string_view table, std::string_view key, std::string_view value);
  void erase_side_value(std::string_view table, std::string_view key);
  // Entries of `table` whose key starts with `prefix`, in key order, until
  // `visit` returns false.
  void scan_side_table(std::string_view table, std::string_view prefix,
                       const std::function<bool(std::string_view key, std::string_view value)>& visit) const;
  void clear_side_table(std::string_view table);
  // The id of the last commit of any writer (LMDB's transaction id): kept
  // with a side table, it says whether anything else wrote since.
  std::uint64_t last_commit_id() const;

  bool persistent() const noexcept;
  const std::string& path() const noexcept;

  // --- ids (graph/store_ids.hpp) ---
  // The id of a term, if the store has it.
  std::optional<TermId> id_of(const ontology::Term& term) const;
  ontology::Term term_of(TermId id) const;
  // The term's N-Triples spelling; valid until the next change to the store.
  std::string_view spelling_of(TermId id) const;
  QuadCursor match(const IdPattern& pattern, Distinct distinct) const;
  // The number of quads of the index range that answers `pattern` (exact
  // when at most the range's key is bound; an upper bound otherwise).
  std::size_t estimate(const IdPattern& pattern) const;
  // Ids of the named graphs, ascending.
  std::vector<TermId> graph_ids() const;
  // Changes whenever ids may have changed meaning (terms deleted, a
  // rollback): caches of ids check it.
  std::uint64_t id_epoch() const noexcept;

  // For graph/ only (SPARQL, the exporters): what the store is made of.
  struct Native;
  Native& native() const;

 private:
  std::unique_ptr<Native> native_;
};

}  // namespace ng::graph
