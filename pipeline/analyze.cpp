#include "pipeline/analyze.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "common/error.hpp"
#include "graph/network/graphml.hpp"
#include "graph/network/metrics_output.hpp"
#include "graph/network/views.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/entity_index.hpp"

namespace ng::pipeline {

namespace net = graph::network;

AnalyzeResult analyze(graph::Store& store, const AnalyzeOptions& options) {
  AnalyzeResult result;
  net::Network network = net::build_view(store, options.view);
  result.report = net::analyse(network, options.analysis);
  spdlog::info("{} view: {}", net::view_name(options.view), net::describe(result.report));

  if (!options.out_dir.empty()) {
    std::error_code error;
    std::filesystem::create_directories(options.out_dir, error);
    if (error) throw IoError(fmt::format("{}: cannot create output directory: {}", options.out_dir, error.message()));
    const std::filesystem::path dir(options.out_dir);
    const std::string csv = (dir / "metrics.csv").string();
    const std::string graphml = (dir / "network.graphml").string();
    net::write_metrics_csv_file(csv, network);
    net::write_graphml_file(graphml, network);
    result.files = {csv, graphml};
  }
  if (options.store_metrics) {
    const std::string base = options.base.empty() ? std::string(ontology::IriMinter::kDefaultBase)
                                                  : ontology::IriMinter(options.base).base();
    // Metrics change no article and no entity claim, so the entity index
    // stays true: stamped with this commit too, the next build still
    // resolves only the articles whose links can change.
    EntityIndex::carry_over(store, EntityIndex::valid(store));
    result.metrics_quads = net::store_metrics(store, network, base);
    result.metrics_graph = net::metrics_graph_name(base, options.view);
    spdlog::info("stored {} metric triples in <{}>", result.metrics_quads, result.metrics_graph);
  }
  return result;
}

}  // namespace ng::pipeline
