#pragma once
// Every metric of a view, computed into its vertices' Metrics: degree (in,
// out, weighted), weighted PageRank, betweenness (exact or sampled),
// connected components, k-core numbers and Leiden communities.
//
// Which graph each runs on (the view's own direction unless said):
//   degree, PageRank    the view (an undirected view walks both ways)
//   betweenness         the view; an undirected view as the simple graph
//   components, k-core, communities   the simple undirected graph
//
// Deterministic: the same view and options give the same numbers.

#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/network/network.hpp"
#include "graph/network/page_rank.hpp"

namespace ng::graph::network {

struct AnalysisOptions {
  PageRankOptions page_rank;
  bool betweenness = true;
  // Exact betweenness while vertices x edges stays under this budget
  // (about a second per 5e8 on one core); above it, sample sources so that
  // the work stays within the budget.
  double betweenness_budget = 1e9;
  std::size_t betweenness_samples = 0;  // > 0: force this many sampled sources
  bool communities = true;
  std::uint64_t seed = 42;
};

struct AnalysisReport {
  std::size_t vertices = 0;
  std::size_t edges = 0;
  std::size_t page_rank_iterations = 0;
  bool page_rank_converged = false;
  double page_rank_change = 0;
  bool betweenness_exact = true;
  std::size_t betweenness_sources = 0;
  std::size_t components = 0;
  std::size_t largest_component = 0;
  std::size_t max_core = 0;
  std::size_t communities = 0;
  double modularity = 0;
  double milliseconds = 0;
};

AnalysisReport analyse(Network& net, const AnalysisOptions& options = {});

// One line for the log: "412 entities, 1803 links; PageRank 54 iterations ...".
std::string describe(const AnalysisReport& report);

}  // namespace ng::graph::network
