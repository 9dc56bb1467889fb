#pragma once
// The files a build writes into its output directory:
//   graph.ttl      the whole graph, Turtle, readable prefixes
//   graph.nq       N-Quads, one named graph per article (its provenance)
//   graph.dot/svg  the who-said-what-about-whom network
//   newsgraph.ttl  the ontology the graph uses

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "graph/store.hpp"
#include "ontology/iri_minter.hpp"
#include "ontology/term.hpp"

namespace ng::pipeline {

// Prefixes for output and queries: the standard vocabularies and the
// entity namespaces under the base IRI.
std::vector<std::pair<std::string, std::string>> output_prefixes(const ontology::IriMinter& minter);

struct OutputOptions {
  bool rdf = true;      // graph.ttl, graph.nq, newsgraph.ttl
  bool diagram = true;  // graph.dot, graph.svg
  std::size_t diagram_top = 300;  // the diagram draws the N most central entities (0: all)
  // Called before each file is written, with what is being done (for a
  // progress display); once, before they all start, when they are written
  // at the same time. Called on the caller's thread only.
  std::function<void(const std::string&)> on_phase;
  // Writes the Turtle file on one thread while another writes the N-Quads
  // file (and the ontology), then the diagram; each thread reads the store
  // through a read-only Store of its own (its own LMDB read transaction:
  // readers never wait and never share a Store). Only for a persistent
  // store whose changes are all committed: the readers see the last commit.
  // An in-memory store, or `parallel = false`, writes them one after the
  // other on the caller's Store. The files are the same either way.
  bool parallel = true;
};

// The paths write_outputs writes, in order.
std::vector<std::string> output_paths(const std::string& out_dir, const OutputOptions& options);

// Writes the output files; returns their paths. Adds each file's time to
// `stage_ms` ("turtle", "nquads", "diagram": wall time of each, which
// overlap when written at the same time). Throws IoError naming the path and
// the reason when a file or the directory cannot be written; when files are
// written at the same time, the others are still written whole, and the
// first failure in the order of output_paths is thrown (the others are
// logged). A file that failed is never left half written under its name.
std::vector<std::string> write_outputs(const graph::Store& store, const ontology::IriMinter& minter,
                                       const std::string& out_dir, std::map<std::string, double>& stage_ms,
                                       const OutputOptions& options = {});

// ontology/newsgraph.ttl as quads in the ontology's named graph.
std::vector<ontology::Quad> parse_ontology_quads();

}  // namespace ng::pipeline
