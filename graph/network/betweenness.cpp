#include "graph/network/betweenness.hpp"

#include <boost/graph/betweenness_centrality.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <thread>

namespace ng::graph::network {

namespace {

// The per-thread state of Brandes' algorithm, reused for every source.
class BrandesWorker {
 public:
  explicit BrandesWorker(const Adjacency& graph)
      : graph_(graph), distance_(graph.vertex_count(), -1), paths_(graph.vertex_count(), 0.0),
        dependency_(graph.vertex_count(), 0.0), centrality_(graph.vertex_count(), 0.0) {
    order_.reserve(graph.vertex_count());
  }

  void add_source(std::uint32_t source) {
    const std::uint32_t* start = graph_.start.data();
    const std::uint32_t* target = graph_.target.data();
    order_.clear();
    distance_[source] = 0;
    paths_[source] = 1;
    order_.push_back(source);
    // Breadth-first search; `order_` doubles as the queue and, read
    // backwards, as the stack of vertices by non-increasing distance.
    for (std::size_t head = 0; head < order_.size(); ++head) {
      const std::uint32_t v = order_[head];
      const std::int32_t next = distance_[v] + 1;
      for (std::uint32_t k = start[v]; k < start[v + 1]; ++k) {
        const std::uint32_t w = target[k];
        if (distance_[w] < 0) {
          distance_[w] = next;
          order_.push_back(w);
        }
        if (distance_[w] == next) paths_[w] += paths_[v];
      }
    }
    // Dependencies, accumulated from the farthest vertices back: v's
    // successors on shortest paths are its neighbours one hop farther.
    for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
      const std::uint32_t v = *it;
      const std::int32_t next = distance_[v] + 1;
      double dependency = 0;
      for (std::uint32_t k = start[v]; k < start[v + 1]; ++k) {
        const std::uint32_t w = target[k];
        if (distance_[w] == next) dependency += (1.0 + dependency_[w]) / paths_[w];
      }
      dependency_[v] = dependency * paths_[v];
      if (v != source) centrality_[v] += dependency_[v];
    }
    for (const std::uint32_t v : order_) {
      distance_[v] = -1;
      paths_[v] = 0;
      dependency_[v] = 0;
    }
  }

  const std::vector<double>& centrality() const { return centrality_; }

 private:
  const Adjacency& graph_;
  std::vector<std::int32_t> distance_;
  std::vector<double> paths_;
  std::vector<double> dependency_;
  std::vector<double> centrality_;
  std::vector<std::uint32_t> order_;
};

}  // namespace

std::vector<double> betweenness(const Csr& graph, const BetweennessOptions& options) {
  const std::size_t n = boost::num_vertices(graph);
  std::vector<std::uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0U);
  double scale = options.directed ? 1.0 : 0.5;
  if (options.samples > 0 && options.samples < n) {
    std::mt19937_64 random(options.seed);
    std::shuffle(sources.begin(), sources.end(), random);
    sources.resize(options.samples);
    std::sort(sources.begin(), sources.end());
    scale *= static_cast<double>(n) / static_cast<double>(options.samples);
  }
  std::size_t threads = options.threads;
  if (threads == 0) threads = std::min<std::size_t>(2, std::max(1U, std::thread::hardware_concurrency()));
  threads = std::max<std::size_t>(1, std::min(threads, sources.size()));

  const Adjacency adj = adjacency(graph);
  std::vector<BrandesWorker> workers;
  workers.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) workers.emplace_back(adj);
  {
    // Sources are dealt round-robin: thread t takes sources t, t+T, ...
    // Results are summed in thread order below, so they are reproducible.
    std::vector<std::jthread> running;
    for (std::size_t t = 0; t < threads; ++t) {
      running.emplace_back([&, t] {
        for (std::size_t i = t; i < sources.size(); i += threads) workers[t].add_source(sources[i]);
      });
    }
  }
  std::vector<double> centrality(n, 0.0);
  for (const auto& worker : workers) {
    for (std::size_t v = 0; v < n; ++v) centrality[v] += worker.centrality()[v];
  }
  for (double& c : centrality) c *= scale;
  return centrality;
}

std::vector<double> boost_betweenness(const Csr& graph, bool directed) {
  std::vector<double> centrality(boost::num_vertices(graph), 0.0);
  boost::brandes_betweenness_centrality(
      graph, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, graph))));
  if (!directed) {
    for (double& c : centrality) c /= 2;
  }
  return centrality;
}

}  // namespace ng::graph::network
