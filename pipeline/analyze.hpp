#pragma once
// `newsgraph analyze`: the network metrics of one view of the store, written
// to <out>/metrics.csv and <out>/network.graphml, and stored back in the
// store (graph "<base>metrics/<view>", replaced on each run) so that SPARQL
// can rank by them. See docs/network.md for what each metric means.

#include <string>
#include <vector>

#include "graph/network/network_view.hpp"
#include "graph/network/metrics.hpp"
#include "graph/store.hpp"

namespace ng::pipeline {

struct AnalyzeOptions {
  graph::network::NetworkView view = graph::network::NetworkView::Combined;
  std::string out_dir;         // empty: write no files
  std::string base;            // base IRI of the metrics graph; empty: IriMinter's default
  bool store_metrics = true;   // needs a writable store
  graph::network::AnalysisOptions analysis;
};

struct AnalyzeResult {
  graph::network::AnalysisReport report;
  std::vector<std::string> files;
  std::string metrics_graph;  // empty when not stored
  std::size_t metrics_quads = 0;
};

// Throws IoError (files), StoreError, QueryError.
AnalyzeResult analyze(graph::Store& store, const AnalyzeOptions& options);

}  // namespace ng::pipeline
