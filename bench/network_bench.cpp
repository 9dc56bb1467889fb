// network_bench: times newsgraph's network analysis on a synthetic
// power-law graph, and writes the graph as an edge list so that
// bench/network_bench.py can time python-igraph and networkx on exactly the
// same graph in the same run.
//
// The graph: Barabasi-Albert preferential attachment, each new vertex
// linking to `m` earlier ones chosen with probability proportional to their
// degree (a uniform pick among the endpoints of the edges so far), seeded,
// as a simple undirected graph. Degrees follow a power law with exponent 3.
//
// Usage: network_bench [--vertices N] [--per-vertex M] [--betweenness-vertices N]
//                      [--samples K] [--seed S] [--out DIR] [--skip-exact]
// Prints one line per measurement: "name<TAB>seconds<TAB>detail".

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network/betweenness.hpp"
#include "graph/network/communities.hpp"
#include "graph/network/csr.hpp"
#include "graph/network/page_rank.hpp"
#include "graph/network/structure.hpp"

namespace {

using namespace ng::graph::network;
using Clock = std::chrono::steady_clock;

std::vector<WeightedEdge> preferential_attachment(std::uint32_t n, std::uint32_t m, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<std::uint32_t> endpoints;
  endpoints.reserve(2ULL * n * m);
  std::vector<WeightedEdge> edges;
  edges.reserve(static_cast<std::size_t>(n) * m);
  // A small clique to start from.
  for (std::uint32_t u = 0; u <= m; ++u) {
    for (std::uint32_t v = u + 1; v <= m; ++v) {
      edges.push_back({u, v, 1.0});
      endpoints.push_back(u);
      endpoints.push_back(v);
    }
  }
  std::vector<std::uint32_t> chosen;
  for (std::uint32_t v = m + 1; v < n; ++v) {
    chosen.clear();
    while (chosen.size() < m) {
      std::uniform_int_distribution<std::size_t> pick(0, endpoints.size() - 1);
      const std::uint32_t u = endpoints[pick(random)];
      if (std::find(chosen.begin(), chosen.end(), u) == chosen.end()) chosen.push_back(u);
    }
    for (const std::uint32_t u : chosen) {
      edges.push_back({u, v, 1.0});
      endpoints.push_back(u);
      endpoints.push_back(v);
    }
  }
  return edges;
}

void write_edges(const std::filesystem::path& path, std::uint32_t n, const std::vector<WeightedEdge>& edges) {
  std::ofstream out(path);
  out << "# " << n << " vertices, " << edges.size() << " undirected edges\n";
  for (const auto& e : edges) out << e.source << ' ' << e.target << '\n';
}

// Times `run`, then prints the time and what `detail` says about the result
// (called after the run, so that it describes the run's output).
template <class Run, class Detail>
void measure(std::string_view name, Run&& run, Detail&& detail) {
  const auto start = Clock::now();
  run();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << name << '\t' << fmt::format("{:.4f}", seconds) << '\t' << detail() << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint32_t vertices = 100'000;
  std::uint32_t per_vertex = 10;
  std::uint32_t betweenness_vertices = 20'000;
  std::size_t samples = 500;
  std::uint64_t seed = 7;
  bool exact = true;
  std::filesystem::path out = "network-bench";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string("0"); };
    if (arg == "--vertices") vertices = static_cast<std::uint32_t>(std::stoul(value()));
    else if (arg == "--per-vertex") per_vertex = static_cast<std::uint32_t>(std::stoul(value()));
    else if (arg == "--betweenness-vertices") betweenness_vertices = static_cast<std::uint32_t>(std::stoul(value()));
    else if (arg == "--samples") samples = std::stoul(value());
    else if (arg == "--seed") seed = std::stoull(value());
    else if (arg == "--out") out = value();
    else if (arg == "--skip-exact") exact = false;
    else {
      std::cerr << "usage: network_bench [--vertices N] [--per-vertex M] [--betweenness-vertices N] [--samples K] "
                   "[--seed S] [--out DIR] [--skip-exact]\n";
      return 2;
    }
  }
  std::filesystem::create_directories(out);

  std::vector<WeightedEdge> edges;
  measure("generate", [&] { edges = preferential_attachment(vertices, per_vertex, seed); },
          [&] { return fmt::format("{} vertices, {} edges", vertices, edges.size()); });
  write_edges(out / "large.edges", vertices, edges);

  Csr undirected;
  measure("csr", [&] { undirected = make_csr(vertices, edges, Symmetry::Undirected); },
          [&] { return fmt::format("{} directed arcs", boost::num_edges(undirected)); });

  PageRankResult ranks;
  PageRankOptions pr;
  pr.tolerance = 1e-10;
  measure("pagerank", [&] { ranks = page_rank(undirected, pr); },
          [&] { return fmt::format("{} iterations, L1 change {:.2g}", ranks.iterations, ranks.change); });

  std::vector<std::size_t> components;
  measure("components", [&] { components = connected_components(undirected); },
          [&] { return fmt::format("{} components", count_labels(components)); });

  std::vector<std::size_t> cores;
  measure("kcore", [&] { cores = core_numbers(undirected); },
          [&] { return fmt::format("max core {}", *std::max_element(cores.begin(), cores.end())); });

  CommunityResult communities;
  measure("leiden", [&] { communities = leiden_communities(undirected); },
          [&] { return fmt::format("{} communities, modularity {:.3f}", communities.count, communities.modularity); });

  BetweennessOptions sampled;
  sampled.directed = false;
  sampled.samples = samples;
  std::vector<double> centrality;
  measure("betweenness_sampled", [&] { centrality = betweenness(undirected, sampled); },
          [&] { return fmt::format("{} sources of {}, 2 threads", samples, vertices); });

  if (exact) {
    const std::vector<WeightedEdge> small = preferential_attachment(betweenness_vertices, per_vertex, seed);
    write_edges(out / "small.edges", betweenness_vertices, small);
    const Csr graph = make_csr(betweenness_vertices, small, Symmetry::Undirected);
    BetweennessOptions all;
    all.directed = false;
    measure("betweenness_exact", [&] { centrality = betweenness(graph, all); },
          [&] { return fmt::format("{} vertices, {} edges, 2 threads", betweenness_vertices, small.size()); });
    all.threads = 1;
    measure("betweenness_exact_1thread", [&] { centrality = betweenness(graph, all); },
          [&] { return "1 thread"; });
    measure("betweenness_exact_boost", [&] { centrality = boost_betweenness(graph, false); },
          [&] { return "boost::brandes_betweenness_centrality"; });
  }
  return 0;
}
