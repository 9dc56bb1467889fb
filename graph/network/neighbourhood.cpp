#include "graph/network/neighbourhood.hpp"

#include <algorithm>
#include <limits>

namespace ng::graph::network {

namespace {

constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

double link_weight(const Network& net, Vertex u, Vertex v) {
  double weight = 0;
  for (const Edge e : links_between(net, u, v)) weight += net.graph[e].weight;
  return weight;
}

// Distances from `start` by breadth-first search over links either way,
// stopping after `limit` hops.
std::vector<std::size_t> distances(const Network& net, Vertex start, std::size_t limit,
                                   std::vector<Vertex>* order = nullptr) {
  std::vector<std::size_t> distance(net.vertex_count(), kUnreached);
  std::vector<Vertex> queue{start};
  distance[start] = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const Vertex v = queue[head];
    if (distance[v] >= limit) continue;
    for (const Vertex w : neighbours(net, v)) {
      if (distance[w] != kUnreached) continue;
      distance[w] = distance[v] + 1;
      queue.push_back(w);
    }
  }
  if (order) *order = std::move(queue);
  return distance;
}

}  // namespace

std::vector<Edge> links_between(const Network& net, Vertex u, Vertex v) {
  std::vector<Edge> links;
  const auto key = [](Vertex a, Vertex b) { return (static_cast<std::uint64_t>(a) << 32U) | b; };
  if (net.directed()) {
    if (const auto it = net.by_pair.find(key(u, v)); it != net.by_pair.end()) links.push_back(it->second);
    if (const auto it = net.by_pair.find(key(v, u)); it != net.by_pair.end() && u != v) links.push_back(it->second);
  } else if (const auto it = net.by_pair.find(key(std::min(u, v), std::max(u, v))); it != net.by_pair.end()) {
    links.push_back(it->second);
  }
  return links;
}

std::vector<Vertex> neighbours(const Network& net, Vertex v) {
  std::vector<Vertex> out;
  for (const Edge e : boost::make_iterator_range(boost::out_edges(v, net.graph))) {
    out.push_back(boost::target(e, net.graph));
  }
  for (const Edge e : boost::make_iterator_range(boost::in_edges(v, net.graph))) {
    out.push_back(boost::source(e, net.graph));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::vector<Vertex>> shortest_chains(const Network& net, Vertex from, Vertex to, std::size_t max_chains) {
  if (from == to) return {{from}};
  const std::vector<std::size_t> distance = distances(net, from, kUnreached);
  if (distance[to] == kUnreached || max_chains == 0) return {};
  // Walk back from `to` along links that lose one hop each step.
  std::vector<std::vector<Vertex>> chains;
  std::vector<Vertex> reversed{to};
  const auto walk = [&](auto&& self, Vertex v) -> void {
    if (chains.size() >= max_chains) return;
    if (v == from) {
      chains.emplace_back(reversed.rbegin(), reversed.rend());
      return;
    }
    std::vector<Vertex> previous;
    for (const Vertex w : neighbours(net, v)) {
      if (distance[w] + 1 == distance[v]) previous.push_back(w);
    }
    std::stable_sort(previous.begin(), previous.end(),
                     [&](Vertex a, Vertex b) { return link_weight(net, a, v) > link_weight(net, b, v); });
    for (const Vertex w : previous) {
      reversed.push_back(w);
      self(self, w);
      reversed.pop_back();
    }
  };
  walk(walk, to);
  return chains;
}

std::vector<std::pair<Vertex, std::size_t>> within_hops(const Network& net, Vertex center, std::size_t hops) {
  std::vector<Vertex> order;
  const std::vector<std::size_t> distance = distances(net, center, hops, &order);
  std::vector<std::pair<Vertex, std::size_t>> out;
  out.reserve(order.size());
  for (const Vertex v : order) out.emplace_back(v, distance[v]);
  return out;
}

Network subnetwork(const Network& net, const std::vector<Vertex>& keep) {
  Network sub;
  sub.graph[boost::graph_bundle] = net.graph[boost::graph_bundle];
  std::vector<std::size_t> index(net.vertex_count(), kUnreached);
  for (const Vertex v : keep) {
    if (index[v] != kUnreached) continue;
    const Vertex copy = boost::add_vertex(net.graph[v], sub.graph);
    sub.by_iri.emplace(net.graph[v].iri, copy);
    index[v] = copy;
  }
  for (const Edge e : boost::make_iterator_range(boost::edges(net.graph))) {
    const Vertex u = boost::source(e, net.graph);
    const Vertex v = boost::target(e, net.graph);
    if (index[u] == kUnreached || index[v] == kUnreached) continue;
    const Edge copy = sub.edge_between(index[u], index[v]);
    sub.graph[copy] = net.graph[e];
  }
  return sub;
}

}  // namespace ng::graph::network
