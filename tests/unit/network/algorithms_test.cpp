#include <boost/graph/betweenness_centrality.hpp>

#include <catch2/catch.hpp>
#include <numeric>
#include <random>

#include "graph/network/betweenness.hpp"
#include "graph/network/communities.hpp"
#include "graph/network/page_rank.hpp"
#include "graph/network/structure.hpp"

using namespace ng::graph::network;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

std::vector<WeightedEdge> random_edges(std::uint32_t n, std::size_t m, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<std::uint32_t> pick(0, n - 1);
  std::vector<WeightedEdge> edges;
  for (std::size_t i = 0; i < m; ++i) edges.push_back({pick(random), pick(random), 1.0});
  return edges;
}

double sum(const std::vector<double>& values) { return std::accumulate(values.begin(), values.end(), 0.0); }

}  // namespace

TEST_CASE("PageRank ranks sum to one and are equal on a cycle", "[network][pagerank]") {
  const std::vector<WeightedEdge> cycle{{0, 1, 1}, {1, 2, 1}, {2, 0, 1}};
  const PageRankResult result = page_rank(make_csr(3, cycle, Symmetry::Directed));
  CHECK(result.converged);
  CHECK_THAT(sum(result.ranks), WithinAbs(1.0, 1e-12));
  for (const double r : result.ranks) CHECK_THAT(r, WithinAbs(1.0 / 3, 1e-12));
}

TEST_CASE("PageRank spreads the rank of a vertex without out-links over every vertex", "[network][pagerank]") {
  // 0 -> 1, and 1 links nowhere: x1 = 0.15/2 + 0.85 (x0 + x1/2), x0 = 0.15/2 + 0.85 x1/2.
  const std::vector<WeightedEdge> edge{{0, 1, 1}};
  PageRankOptions options;
  options.tolerance = 1e-15;
  const PageRankResult result = page_rank(make_csr(2, edge, Symmetry::Directed), options);
  CHECK(result.converged);
  const double a = result.ranks[0];
  const double b = result.ranks[1];
  CHECK_THAT(a, WithinAbs(0.075 + 0.425 * b, 1e-12));
  CHECK_THAT(b, WithinAbs(0.075 + 0.85 * a + 0.425 * b, 1e-12));
  CHECK_THAT(a + b, WithinAbs(1.0, 1e-12));
}

TEST_CASE("PageRank follows edge weights", "[network][pagerank]") {
  // 0 links to 1 with weight 3 and to 2 with weight 1.
  const std::vector<WeightedEdge> edges{{0, 1, 3}, {0, 2, 1}, {1, 0, 1}, {2, 0, 1}};
  const PageRankResult result = page_rank(make_csr(3, edges, Symmetry::Directed));
  CHECK(result.ranks[1] > result.ranks[2]);
  // What 1 and 2 receive beyond the teleport share is in the ratio 3 : 1.
  const double base = 0.15 / 3;
  CHECK_THAT((result.ranks[1] - base) / (result.ranks[2] - base), WithinRel(3.0, 1e-9));
}

TEST_CASE("PageRank reports when it stops before converging", "[network][pagerank]") {
  PageRankOptions options;
  options.max_iterations = 2;
  options.tolerance = 1e-15;
  const PageRankResult result = page_rank(make_csr(50, random_edges(50, 200, 1), Symmetry::Directed), options);
  CHECK_FALSE(result.converged);
  CHECK(result.iterations == 2);
  CHECK_THAT(sum(result.ranks), WithinAbs(1.0, 1e-12));
  options.damping = 1.0;
  CHECK_THROWS_AS(page_rank(make_csr(2, {}, Symmetry::Directed), options), std::invalid_argument);
}

TEST_CASE("betweenness counts the shortest paths through a vertex", "[network][betweenness]") {
  // A path 0 - 1 - 2 - 3: vertex 1 lies on (0,2) and (0,3), vertex 2 on (0,3) and (1,3).
  const std::vector<WeightedEdge> path{{0, 1, 1}, {1, 2, 1}, {2, 3, 1}};
  BetweennessOptions undirected;
  undirected.directed = false;
  const auto centrality = betweenness(make_csr(4, path, Symmetry::Undirected), undirected);
  CHECK(centrality == std::vector<double>{0, 2, 2, 0});
  const auto directed = betweenness(make_csr(4, path, Symmetry::Directed), BetweennessOptions{});
  CHECK(directed == std::vector<double>{0, 2, 2, 0});
}

TEST_CASE("betweenness agrees with boost::brandes_betweenness_centrality", "[network][betweenness]") {
  for (const std::uint64_t seed : {1U, 2U, 3U}) {
    const auto edges = random_edges(80, 220, seed);
    for (const bool directed : {true, false}) {
      const Csr graph = make_csr(80, edges, directed ? Symmetry::Directed : Symmetry::Undirected);
      BetweennessOptions options;
      options.directed = directed;
      const auto ours = betweenness(graph, options);
      const auto reference = boost_betweenness(graph, directed);
      for (std::size_t v = 0; v < ours.size(); ++v) CHECK_THAT(ours[v], WithinAbs(reference[v], 1e-9));
    }
  }
}

TEST_CASE("betweenness gives the same numbers on one thread and on two", "[network][betweenness]") {
  const Csr graph = make_csr(120, random_edges(120, 400, 9), Symmetry::Undirected);
  BetweennessOptions one;
  one.directed = false;
  one.threads = 1;
  BetweennessOptions two = one;
  two.threads = 2;
  const auto a = betweenness(graph, one);
  const auto b = betweenness(graph, two);
  for (std::size_t v = 0; v < a.size(); ++v) CHECK_THAT(a[v], WithinAbs(b[v], 1e-9));
}

TEST_CASE("sampled betweenness is reproducible and estimates the exact values", "[network][betweenness]") {
  const Csr graph = make_csr(400, random_edges(400, 1600, 4), Symmetry::Undirected);
  BetweennessOptions exact;
  exact.directed = false;
  BetweennessOptions sampled = exact;
  sampled.samples = 200;
  const auto a = betweenness(graph, sampled);
  const auto b = betweenness(graph, sampled);
  CHECK(a == b);
  const auto truth = betweenness(graph, exact);
  // Half the sources: the total is estimated within a few per cent.
  CHECK_THAT(sum(a), WithinRel(sum(truth), 0.1));
  sampled.samples = 400;  // every vertex: exact
  const auto all = betweenness(graph, sampled);
  for (std::size_t v = 0; v < all.size(); ++v) CHECK_THAT(all[v], WithinAbs(truth[v], 1e-9));
}

TEST_CASE("components are numbered from the largest down", "[network][structure]") {
  // {0,1}, {2,3,4}, {5}
  const std::vector<WeightedEdge> edges{{0, 1, 1}, {2, 3, 1}, {4, 3, 1}};
  const auto components = connected_components(make_csr(6, edges, Symmetry::Undirected));
  CHECK(components == std::vector<std::size_t>{1, 1, 0, 0, 0, 2});
  CHECK(count_labels(components) == 3);
}

TEST_CASE("a vertex's core number is the deepest k-core it belongs to", "[network][structure]") {
  // A 4-clique {0,1,2,3} with a tail 3 - 4 - 5, and direction ignored.
  std::vector<WeightedEdge> edges;
  for (std::uint32_t u = 0; u < 4; ++u) {
    for (std::uint32_t v = u + 1; v < 4; ++v) edges.push_back({u, v, 1});
  }
  edges.push_back({3, 4, 1});
  edges.push_back({5, 4, 1});
  edges.push_back({4, 5, 2});  // a parallel edge does not raise the degree
  const auto cores = core_numbers(make_csr(6, edges, Symmetry::Undirected));
  CHECK(cores == std::vector<std::size_t>{3, 3, 3, 3, 1, 1});
}

TEST_CASE("Leiden finds two cliques joined by one edge, the same way every run", "[network][communities]") {
  std::vector<WeightedEdge> edges;
  for (std::uint32_t base : {0U, 5U}) {
    for (std::uint32_t u = 0; u < 5; ++u) {
      for (std::uint32_t v = u + 1; v < 5; ++v) edges.push_back({base + u, base + v, 1});
    }
  }
  edges.push_back({4, 5, 1});
  const Csr graph = make_csr(11, edges, Symmetry::Undirected);  // vertex 10 is alone
  const CommunityResult a = leiden_communities(graph);
  const CommunityResult b = leiden_communities(graph);
  CHECK(a.membership == b.membership);
  CHECK(a.count == 3);
  CHECK(a.membership[0] == a.membership[4]);
  CHECK(a.membership[5] == a.membership[9]);
  CHECK(a.membership[0] != a.membership[5]);
  CHECK(a.membership[10] == 2);
  CHECK(a.modularity > 0.3);
}

TEST_CASE("make_csr refuses an edge to a vertex that does not exist", "[network][structure]") {
  const std::vector<WeightedEdge> edges{{0, 3, 1}};
  CHECK_THROWS_AS(make_csr(3, edges, Symmetry::Directed), std::invalid_argument);
}
