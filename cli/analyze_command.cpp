#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/network_text.hpp"
#include "cli/options.hpp"
#include "common/error.hpp"
#include "graph/store.hpp"
#include "pipeline/analyze.hpp"

namespace ng::cli {

namespace {

struct AnalyzeArguments {
  std::string store;
  bool no_store = false;
  std::size_t samples = 0;
  pipeline::AnalyzeOptions options;
};

void print_summary(const pipeline::AnalyzeResult& result, graph::network::NetworkView view) {
  const auto& r = result.report;
  fmt::print("newsgraph analyze: {} view, {}, {}\n", graph::network::view_name(view), plural(r.vertices, "entity"),
             plural(r.edges, "link"));
  fmt::print("pagerank: {} iterations{}\n", r.page_rank_iterations, r.page_rank_converged ? ", converged" : ", NOT converged");
  fmt::print("betweenness: {}\n", r.betweenness_exact ? std::string("exact")
                                                      : fmt::format("estimated from {} sampled sources", r.betweenness_sources));
  fmt::print("components: {} (largest: {}); largest k-core: {}\n", r.components, plural(r.largest_component, "entity"),
             r.max_core);
  fmt::print("communities: {} (modularity {:.3f})\n", r.communities, r.modularity);
  if (!result.metrics_graph.empty()) {
    fmt::print("stored: {} in <{}>\n", plural(result.metrics_quads, "triple"), result.metrics_graph);
  }
  if (!result.files.empty()) fmt::print("files: {}\n", fmt::join(result.files, " "));
}

}  // namespace

void add_analyze_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<AnalyzeArguments>();
  CLI::App* cmd = app.add_subcommand(
      "analyze", "Network metrics of the entities (degree, PageRank, betweenness, components, k-core, communities)");
  add_store_option(*cmd, args->store);
  add_view_option(*cmd, args->options.view);
  cmd->add_option("--out", args->options.out_dir, "directory for metrics.csv and network.graphml");
  add_base_option(*cmd, args->options.base, "base IRI the store was built with (names the metrics graph)");
  cmd->add_flag("--no-store", args->no_store, "do not write the metrics into the store (opens it read-only)");
  cmd->add_option("--betweenness-samples", args->samples,
                  "estimate betweenness from this many sampled sources (default: exact unless the graph is large)");
  cmd->add_option("--seed", args->options.analysis.seed, "seed for sampling and community detection")
      ->capture_default_str();
  cmd->callback([args, &action] {
    action = [args] {
      args->options.store_metrics = !args->no_store;
      args->options.analysis.betweenness_samples = args->samples;
      const auto mode = args->no_store ? graph::StoreOptions::Mode::ReadOnly : graph::StoreOptions::Mode::ReadWrite;
      graph::Store store(graph::StoreOptions{args->store, mode, false});
      print_summary(pipeline::analyze(store, args->options), args->options.view);
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
