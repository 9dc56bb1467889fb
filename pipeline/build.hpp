#pragma once
// `newsgraph build`: inputs in, a persistent graph and its files out.
//   read (streaming) -> extract (in parallel, pure) -> resolve entities and
//   map to quads (one thread, in input order) -> store (one writer, one named
//   graph per article, committed atomically) -> export (Turtle, N-Quads,
//   the ontology, the network diagram).
// Unchanged articles (same fingerprint in the store) are skipped, so
// building the same input twice changes nothing.

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "loaders/input_files.hpp"
#include "loaders/input/input_report.hpp"
#include "loaders/to_rdf/article_to_rdf.hpp"

namespace ng::pipeline {

struct BuildOptions {
  std::vector<std::string> inputs;
  // RDF files of known entities (Turtle, N-Triples, N-Quads): see user_catalog.hpp.
  std::vector<std::string> catalogs;
  std::string out_dir = "out";
  std::string store_path;  // empty: an in-memory store (nothing persists)
  std::string base;        // empty: the default base IRI
  std::size_t threads = 0; // 0: one per hardware thread
  loaders::ReadOptions read;
  loaders::MappingOptions mapping;
  bool write_files = true;
  bool progress = false;   // draw a progress bar on stderr
  bool force = false;      // re-extract unchanged articles too (after upgrading newsgraph)
};

struct BuildReport {
  loaders::InputReport input;
  std::size_t articles_built = 0;
  std::size_t articles_unchanged = 0;
  std::size_t record_files = 0;
  std::size_t statements = 0;
  std::array<std::size_t, 3> entities_by_type{};  // Person, Organization, Place (this build)
  std::size_t quads_added = 0;
  std::size_t store_quads = 0;
  std::vector<std::string> files;           // written output files
  std::map<std::string, double> stage_ms;   // read+extract, store, export, ...
  double total_ms = 0;
};

// Throws ng::Error when the build cannot go on (store cannot be opened, out
// directory cannot be written). Bad input items are in report.input.
BuildReport build_graph(const BuildOptions& options);

}  // namespace ng::pipeline
