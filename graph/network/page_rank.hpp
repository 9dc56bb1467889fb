#pragma once
// Weighted PageRank by power iteration on a CSR graph.
//
// Why not boost::page_rank: it ignores edge weights (it divides by the
// out-degree), scales ranks to sum to n, and stops after a fixed 20
// iterations that do not converge on real graphs (seen on a 100k-vertex
// power-law graph). This one
// follows the definition networkx and igraph use, so the three agree:
//   x'(v) = (1 - d)/n + d * sum_{u -> v} x(u) * w(u,v) / W(u) + d * D / n
// where W(u) is u's weighted out-degree and D the rank held by dangling
// vertices (W = 0), spread uniformly. It iterates until the L1 change of x is
// below `tolerance` (or `max_iterations`), and the result sums to 1.
// Edges of weight <= 0 are ignored.
//
// One thread: an iteration is one pass over the CSR arrays (a few ms per
// million edges), and the machines newsgraph runs on have 2 cores that the
// other stages keep busy; threads did not pay off when measured (bench/).

#include <cstddef>
#include <vector>

#include "graph/network/csr.hpp"

namespace ng::graph::network {

struct PageRankOptions {
  double damping = 0.85;
  double tolerance = 1e-10;  // on the L1 norm of the change per iteration
  std::size_t max_iterations = 1000;
};

struct PageRankResult {
  std::vector<double> ranks;
  std::size_t iterations = 0;
  double change = 0;  // L1 change in the last iteration
  bool converged = false;
};

// Throws std::invalid_argument for damping outside [0, 1).
PageRankResult page_rank(const Csr& graph, const PageRankOptions& options = {});

}  // namespace ng::graph::network
