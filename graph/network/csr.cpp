#include "graph/network/csr.hpp"

#include <algorithm>
#include <stdexcept>

namespace ng::graph::network {

Csr make_csr(std::size_t n, std::span<const WeightedEdge> edges, Symmetry symmetry) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::vector<CsrEdge> properties;
  for (const auto& e : edges) {
    if (e.source >= n || e.target >= n) throw std::invalid_argument("make_csr: edge names a vertex out of range");
  }
  if (symmetry == Symmetry::Directed) {
    pairs.reserve(edges.size());
    properties.reserve(edges.size());
    for (const auto& e : edges) {
      pairs.emplace_back(e.source, e.target);
      properties.push_back({e.weight});
    }
  } else {
    std::vector<WeightedEdge> simple;
    simple.reserve(edges.size());
    for (const auto& e : edges) {
      if (e.source == e.target) continue;
      simple.push_back({std::min(e.source, e.target), std::max(e.source, e.target), e.weight});
    }
    std::sort(simple.begin(), simple.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
      return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    std::size_t kept = 0;
    for (std::size_t i = 0; i < simple.size(); ++i) {
      if (kept > 0 && simple[kept - 1].source == simple[i].source && simple[kept - 1].target == simple[i].target) {
        simple[kept - 1].weight += simple[i].weight;
      } else {
        simple[kept++] = simple[i];
      }
    }
    simple.resize(kept);
    pairs.reserve(2 * kept);
    properties.reserve(2 * kept);
    for (const auto& e : simple) {
      pairs.emplace_back(e.source, e.target);
      properties.push_back({e.weight});
      pairs.emplace_back(e.target, e.source);
      properties.push_back({e.weight});
    }
  }
  return Csr(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), properties.begin(),
             static_cast<std::uint32_t>(n));
}

Adjacency adjacency(const Csr& graph) {
  const std::uint32_t n = static_cast<std::uint32_t>(boost::num_vertices(graph));
  Adjacency adj;
  adj.start.resize(static_cast<std::size_t>(n) + 1, 0);
  adj.target.reserve(boost::num_edges(graph));
  adj.weight.reserve(boost::num_edges(graph));
  for (std::uint32_t v = 0; v < n; ++v) {
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, graph))) {
      adj.target.push_back(boost::target(e, graph));
      adj.weight.push_back(graph[e].weight);
    }
    adj.start[v + 1] = static_cast<std::uint32_t>(adj.target.size());
  }
  return adj;
}

std::vector<WeightedEdge> weighted_edges(const Network& net) {
  std::vector<WeightedEdge> out;
  out.reserve(net.edge_count());
  for (const Edge e : boost::make_iterator_range(boost::edges(net.graph))) {
    out.push_back({static_cast<std::uint32_t>(boost::source(e, net.graph)),
                   static_cast<std::uint32_t>(boost::target(e, net.graph)), net.graph[e].weight});
  }
  return out;
}

Csr walk_graph(const Network& net) {
  std::vector<WeightedEdge> edges = weighted_edges(net);
  if (!net.directed()) {
    const std::size_t one_way = edges.size();
    for (std::size_t i = 0; i < one_way; ++i) edges.push_back({edges[i].target, edges[i].source, edges[i].weight});
  }
  return make_csr(net.vertex_count(), edges, Symmetry::Directed);
}

}  // namespace ng::graph::network
