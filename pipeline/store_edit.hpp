#pragma once
// Keeping the store true to its inputs, without a rebuild:
//
//   newsgraph remove IRI...            the named graphs (articles, record sets)
//   newsgraph remove --input PATH...   every graph built from these files (or
//                                      from files under these directories)
//   newsgraph remove --missing         every graph whose input file is gone
//                                      (deleted or renamed since its build)
//   newsgraph load FILE...             RDF files into the store
//
// Each call is one store transaction: all of it is committed, or (on any
// error) none of it. Where a graph came from is what `build` recorded in
// the store (Store::graph_sources); for stores built before that, an
// article's schema:url file: IRI.
//
// Throws ng::Error (StoreError, IoError, ParseError with file, line and
// column for a bad file: nothing is loaded then).

#include <cstddef>
#include <string>
#include <vector>

namespace ng::pipeline {

struct RemoveOptions {
  std::string store_path;
  std::vector<std::string> graphs;  // graph IRIs
  std::vector<std::string> inputs;  // input files or directories
  bool missing = false;
  bool dry_run = false;             // say what would go, change nothing
};

struct RemovedGraph {
  std::string graph;
  std::string source;  // the input file, when known
  std::size_t quads = 0;
};

struct RemoveReport {
  std::vector<RemovedGraph> removed;
  std::vector<std::string> not_found;  // graph IRIs or inputs that matched nothing
  // Input files whose record of the last build that read them went with
  // them (--input, --missing; pipeline/input_records.hpp).
  std::vector<std::string> records_pruned;
  std::size_t store_quads = 0;         // after the removal
};

RemoveReport remove_from_store(const RemoveOptions& options);

struct LoadOptions {
  std::string store_path;
  std::vector<std::string> files;  // .ttl .nt .nq .trig
  // Quads parsed before they go to the store's write buffer: the memory a
  // file of any size needs (each quad is a few hundred bytes as terms).
  std::size_t batch_quads = 50'000;
};

struct LoadedFile {
  std::string path;
  std::size_t quads = 0;
  std::vector<std::string> graphs;  // graphs the file filled (replaced)
};

struct LoadReport {
  std::vector<LoadedFile> files;
  std::size_t store_quads = 0;
};

// Triples without a graph go into a graph named by the file's file: IRI;
// quads (N-Quads, TriG) keep their graphs. Every graph a call fills is
// replaced as a whole, so loading a file again changes nothing. Files are
// parsed a batch at a time into the call's one store transaction (memory
// does not grow with the file); an error anywhere leaves the store as the
// call found it.
LoadReport load_into_store(const LoadOptions& options);

}  // namespace ng::pipeline
