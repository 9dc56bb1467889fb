#include "graph/network/page_rank.hpp"

#include <cmath>
#include <stdexcept>

namespace ng::graph::network {

PageRankResult page_rank(const Csr& graph, const PageRankOptions& options) {
  if (!(options.damping >= 0 && options.damping < 1)) throw std::invalid_argument("PageRank damping must be in [0, 1)");
  const Adjacency adj = adjacency(graph);
  const std::size_t n = adj.vertex_count();
  PageRankResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }
  std::vector<double> out_weight(n, 0.0);
  bool unit_weights = true;
  for (std::size_t u = 0; u < n; ++u) {
    for (std::uint32_t k = adj.start[u]; k < adj.start[u + 1]; ++k) {
      if (adj.weight[k] > 0) out_weight[u] += adj.weight[k];
      unit_weights = unit_weights && adj.weight[k] == 1.0;
    }
  }
  const double d = options.damping;
  const double dn = static_cast<double>(n);
  std::vector<double> x(n, 1.0 / dn);
  std::vector<double> next(n);
  std::vector<double> scaled(n);  // d * x(u) / W(u): what u gives per unit of edge weight
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    double dangling = 0;
    for (std::size_t u = 0; u < n; ++u) {
      if (out_weight[u] > 0) {
        scaled[u] = d * x[u] / out_weight[u];
      } else {
        scaled[u] = 0;
        dangling += x[u];
      }
    }
    const double base = (1.0 - d) / dn + d * dangling / dn;
    std::fill(next.begin(), next.end(), base);
    // Push along out-edges: sequential reads of the CSR arrays, one
    // scattered add per edge (no transposed copy of the graph needed).
    if (unit_weights) {
      for (std::size_t u = 0; u < n; ++u) {
        const double give = scaled[u];
        for (std::uint32_t k = adj.start[u]; k < adj.start[u + 1]; ++k) next[adj.target[k]] += give;
      }
    } else {
      for (std::size_t u = 0; u < n; ++u) {
        const double give = scaled[u];
        for (std::uint32_t k = adj.start[u]; k < adj.start[u + 1]; ++k) {
          if (adj.weight[k] > 0) next[adj.target[k]] += give * adj.weight[k];
        }
      }
    }
    result.change = 0;
    for (std::size_t v = 0; v < n; ++v) result.change += std::abs(next[v] - x[v]);
    x.swap(next);
    if (result.change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  if (!result.converged) result.iterations = options.max_iterations;
  // Rounding leaves the sum a few ulps off 1; the contract is that it sums to 1.
  double total = 0;
  for (const double r : x) total += r;
  for (double& r : x) r /= total;
  result.ranks = std::move(x);
  return result;
}

}  // namespace ng::graph::network
