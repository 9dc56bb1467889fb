#include "graph/network/metrics.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "graph/network/betweenness.hpp"
#include "graph/network/communities.hpp"
#include "graph/network/structure.hpp"

namespace ng::graph::network {

namespace {

void compute_degrees(Network& net) {
  NetworkGraph& g = net.graph;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    Metrics& m = g[v].metrics;
    m = Metrics{};
    for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
      m.out_degree += 1;
      m.weighted_out_degree += g[e].weight;
    }
    for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g))) {
      m.in_degree += 1;
      m.weighted_in_degree += g[e].weight;
    }
    if (!net.directed()) {
      // One edge per pair: a vertex's degree is its edges either way.
      m.out_degree = m.in_degree = m.out_degree + m.in_degree;
      m.weighted_out_degree = m.weighted_in_degree = m.weighted_out_degree + m.weighted_in_degree;
    }
  }
}

}  // namespace

AnalysisReport analyse(Network& net, const AnalysisOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  AnalysisReport report;
  NetworkGraph& g = net.graph;
  report.vertices = net.vertex_count();
  report.edges = net.edge_count();
  compute_degrees(net);
  if (report.vertices == 0) return report;

  const std::vector<WeightedEdge> edges = weighted_edges(net);
  const Csr undirected = make_csr(report.vertices, edges, Symmetry::Undirected);

  const PageRankResult ranks = page_rank(walk_graph(net), options.page_rank);
  report.page_rank_iterations = ranks.iterations;
  report.page_rank_converged = ranks.converged;
  report.page_rank_change = ranks.change;
  if (!ranks.converged) {
    spdlog::warn("PageRank did not converge in {} iterations (change {:.3g}); ranks are approximate",
                 ranks.iterations, ranks.change);
  }
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) g[v].metrics.page_rank = ranks.ranks[v];

  if (options.betweenness) {
    BetweennessOptions b;
    b.directed = net.directed();
    b.seed = options.seed;
    const Csr directed = net.directed() ? make_csr(report.vertices, edges, Symmetry::Directed) : Csr();
    const Csr& walk = net.directed() ? directed : undirected;
    const double work = static_cast<double>(report.vertices) * static_cast<double>(boost::num_edges(walk));
    if (options.betweenness_samples > 0) {
      b.samples = options.betweenness_samples;
    } else if (work > options.betweenness_budget) {
      const double per_source = std::max(1.0, static_cast<double>(boost::num_edges(walk)));
      b.samples = std::max<std::size_t>(64, static_cast<std::size_t>(options.betweenness_budget / per_source));
    }
    report.betweenness_exact = b.samples == 0 || b.samples >= report.vertices;
    report.betweenness_sources = report.betweenness_exact ? report.vertices : b.samples;
    const std::vector<double> centrality = betweenness(walk, b);
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) g[v].metrics.betweenness = centrality[v];
  }

  const std::vector<std::size_t> components = connected_components(undirected);
  const std::vector<std::size_t> cores = core_numbers(undirected);
  report.components = count_labels(components);
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    g[v].metrics.component = components[v];
    g[v].metrics.core_number = cores[v];
    if (components[v] == 0) ++report.largest_component;
    report.max_core = std::max(report.max_core, cores[v]);
  }

  if (options.communities) {
    CommunityOptions c;
    c.seed = options.seed;
    const CommunityResult communities = leiden_communities(undirected, c);
    report.communities = communities.count;
    report.modularity = communities.modularity;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
      g[v].metrics.community = communities.membership[v];
    }
  }
  report.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return report;
}

std::string describe(const AnalysisReport& r) {
  std::string betweenness = r.betweenness_exact ? std::string("exact betweenness")
                                                : fmt::format("betweenness from {} sampled sources", r.betweenness_sources);
  return fmt::format(
      "{} entities, {} links; PageRank {} iterations{}; {}; {} components (largest {}); max k-core {}; {} "
      "communities (modularity {:.3f}); {:.0f} ms",
      r.vertices, r.edges, r.page_rank_iterations, r.page_rank_converged ? "" : " (not converged)", betweenness,
      r.components, r.largest_component, r.max_core, r.communities, r.modularity, r.milliseconds);
}

}  // namespace ng::graph::network
