#pragma once
// Brandes betweenness centrality, unweighted: a path's length is its number
// of hops. Edge weights in newsgraph count evidence (more statements = a
// stronger tie), which is not a distance; turning them into one (1/w) would
// make the metric depend on an arbitrary choice, so hop counts it is.
//
// Values are unnormalised, as networkx's normalized=False: the number of
// shortest paths between other pairs that pass through the vertex (each
// pair counted once in an undirected graph, each ordered pair in a directed
// one).
//
// Exact betweenness costs one breadth-first search per vertex, O(n m), ~25x
// more at 20k vertices than at 5k (measured with Boost's Brandes). With `samples` = k > 0 only
// k source vertices, chosen at random with `seed`, are searched and the sums
// scaled by n/k (the estimator networkx uses for its k parameter).
//
// Why not boost::brandes_betweenness_centrality for everything: it has no
// way to sample sources and runs on one thread. This implementation splits
// sources between threads (each with its own arrays, summed in a fixed
// order, so results do not depend on timing) and is checked against Boost's
// in tests/unit/network.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/network/csr.hpp"

namespace ng::graph::network {

struct BetweennessOptions {
  // Whether `graph` is a directed graph, or an undirected one stored as a
  // symmetric CSR graph (Symmetry::Undirected), whose sums are halved.
  bool directed = true;
  std::size_t samples = 0;  // 0: exact (every vertex a source)
  std::uint64_t seed = 42;
  std::size_t threads = 0;  // 0: up to 2
};

std::vector<double> betweenness(const Csr& graph, const BetweennessOptions& options);

// boost::brandes_betweenness_centrality on the same graph, with the same
// conventions (halved for undirected graphs): the reference the tests and
// the benchmark compare with.
std::vector<double> boost_betweenness(const Csr& graph, bool directed);

}  // namespace ng::graph::network
