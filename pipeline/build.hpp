#pragma once
// `newsgraph build`: inputs in, a persistent graph and its files out.
//   find inputs -> read and fingerprint everything, extracting what changed
//   (in parallel, once: its entities' names and the layers mapping reads are
//   kept) -> resolve entities against the whole store (entity_resolver.hpp)
//   -> map the changed articles, and the earlier ones whose entities now
//   link differently, to quads (one thread, in input order) -> store (one writer, one named graph per article, committed
//   atomically) -> export (Turtle, N-Quads, the ontology, the diagram).
// Unchanged articles (same fingerprint in the store) are skipped, so
// building the same input twice changes nothing; when nothing changed at all
// the store is not written and the files are not rewritten. The graph does
// not depend on the order or the batches articles were built in.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "loaders/input_files.hpp"
#include "loaders/input/input_report.hpp"
#include "loaders/to_rdf/article_to_rdf.hpp"

namespace ng::pipeline {

struct BuildOptions {
  std::vector<std::string> inputs;
  // RDF files of known entities (Turtle, N-Triples, N-Quads, RDF/XML): see user_catalog.hpp.
  std::vector<std::string> catalogs;
  std::string out_dir = "out";
  std::string store_path;  // empty: an in-memory store (nothing persists)
  std::string base;        // empty: the default base IRI
  std::size_t threads = 0; // 0: one per core; more than the cores: the cores
  loaders::ReadOptions read;
  bool follow_links = false;  // follow symbolic links to directories inside input directories
  loaders::MappingOptions mapping;
  bool write_files = true;  // false: the store only (--no-export)
  bool diagram = true;      // graph.dot and graph.svg (--no-diagram)
  std::size_t diagram_top = 300;  // the diagram's most central entities (--diagram-top; 0: all)
  bool progress = false;   // draw a progress bar on stderr
  bool force = false;      // re-extract unchanged articles too (after upgrading newsgraph)
  // Estimated bytes of mapping layers kept from pass 1 for pass 2, so that a
  // changed article is extracted once (pipeline/kept_layers.hpp; ~1.5 KB an
  // article of the generated corpus: 100,000 articles fit); articles past it
  // are extracted again in pass 2.
  std::size_t kept_layers_bytes = std::size_t{256} << 20;
  // How much older than its read a file's ctime must be for the store's
  // record of the file to be trusted (input_records.hpp); tests shorten it.
  std::int64_t timestamp_tick_ns = 2'000'000'000;
};

struct BuildReport {
  loaders::InputReport input;
  // No input could be found at all (every path missing or unreadable): the
  // build stopped before creating the store or any file.
  bool nothing_to_read = false;
  // Nothing to store: no article, record or catalog changed. The store was
  // not written, and the files were written only where missing.
  bool nothing_changed = false;
  std::size_t articles_built = 0;
  std::size_t articles_unchanged = 0;
  // Built earlier, mapped again because their entities now link differently.
  std::size_t articles_relinked = 0;
  // Of those, mapped again from the store alone (their text and stored
  // mapping layers): no input read, no extraction.
  std::size_t articles_relinked_stored = 0;
  // Articles the extractor ran on: each changed article once, and an
  // article mapped again only when its layers were not at hand.
  std::size_t extractions = 0;
  // Input files not read, unchanged since the build that recorded them
  // (pipeline/input_records.hpp); counted in input.files all the same.
  std::size_t files_not_read = 0;
  // Whether the store's entity index found the articles to relink
  // (pipeline/entity_index.hpp), and how many stored articles' entities were
  // resolved again (with the index: those whose links could change; without:
  // all of them).
  bool relinks_by_index = false;
  std::size_t relinks_checked = 0;
  bool metrics_dropped = false;  // analyze's stored metrics were stale and dropped
  std::size_t record_files = 0;
  std::size_t statements = 0;
  std::array<std::size_t, 3> entities_by_type{};  // Person, Organization, Place (this build)
  std::size_t quads_added = 0;
  std::size_t store_quads = 0;  // not counted when nothing changed
  std::vector<std::string> files;           // written output files
  std::map<std::string, double> stage_ms;   // read+extract, store, export, ...
  double total_ms = 0;
};

// Inputs are found first: when there is nothing to read, nothing is created
// (report.nothing_to_read). The store directory and the out directory are
// never read as input. Throws ng::Error when the build cannot go on (store
// cannot be opened, out directory cannot be written). Bad input items are in
// report.input.
BuildReport build_graph(const BuildOptions& options);

}  // namespace ng::pipeline
