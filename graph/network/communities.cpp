#include "graph/network/communities.hpp"

#include <fmt/format.h>
#include <igraph/igraph.h>

#include "common/error.hpp"
#include "graph/network/structure.hpp"

namespace ng::graph::network {

namespace {

void check(igraph_error_t code, const char* what) {
  if (code != IGRAPH_SUCCESS) throw Error(fmt::format("igraph: {} failed: {}", what, igraph_strerror(code)));
}

// igraph objects are structs that own heap memory: each guard destroys one
// once it has been initialised.
struct IntVector {
  igraph_vector_int_t v;
  explicit IntVector(igraph_integer_t size) { check(igraph_vector_int_init(&v, size), "allocating a vector"); }
  ~IntVector() { igraph_vector_int_destroy(&v); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
};
struct RealVector {
  igraph_vector_t v;
  explicit RealVector(igraph_integer_t size) { check(igraph_vector_init(&v, size), "allocating a vector"); }
  ~RealVector() { igraph_vector_destroy(&v); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
};
struct Graph {
  igraph_t g;
  Graph(const igraph_vector_int_t& edges, igraph_integer_t n) {
    check(igraph_create(&g, &edges, n, IGRAPH_UNDIRECTED), "building the graph");
  }
  ~Graph() { igraph_destroy(&g); }
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
};
// Replaces igraph's aborting error handler for the duration of a call.
struct QuietErrors {
  igraph_error_handler_t* previous = igraph_set_error_handler(igraph_error_handler_ignore);
  QuietErrors() = default;
  ~QuietErrors() { igraph_set_error_handler(previous); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
};

}  // namespace

CommunityResult leiden_communities(const Csr& undirected, const CommunityOptions& options) {
  const std::size_t n = boost::num_vertices(undirected);
  CommunityResult result;
  if (n == 0) return result;
  const QuietErrors quiet;

  std::vector<igraph_integer_t> ends;
  std::vector<double> weights;
  std::vector<double> strength(n, 0.0);
  double total = 0;
  for (std::uint32_t u = 0; u < n; ++u) {
    for (const auto e : boost::make_iterator_range(boost::out_edges(u, undirected))) {
      const std::uint32_t v = boost::target(e, undirected);
      const double w = undirected[e].weight;
      if (v <= u || w <= 0) continue;
      ends.push_back(u);
      ends.push_back(v);
      weights.push_back(w);
      strength[u] += w;
      strength[v] += w;
      total += w;
    }
  }
  IntVector edge_vector(static_cast<igraph_integer_t>(ends.size()));
  for (std::size_t i = 0; i < ends.size(); ++i) VECTOR(edge_vector.v)[i] = ends[i];
  RealVector edge_weights(static_cast<igraph_integer_t>(weights.size()));
  for (std::size_t i = 0; i < weights.size(); ++i) VECTOR(edge_weights.v)[i] = weights[i];
  RealVector node_weights(static_cast<igraph_integer_t>(n));
  for (std::size_t i = 0; i < n; ++i) VECTOR(node_weights.v)[i] = strength[i];
  const Graph graph(edge_vector.v, static_cast<igraph_integer_t>(n));

  IntVector membership(static_cast<igraph_integer_t>(n));
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  if (total > 0) {
    igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(options.seed));
    // A negative iteration count runs Leiden until an iteration changes nothing.
    check(igraph_community_leiden(&graph.g, &edge_weights.v, &node_weights.v, options.resolution / (2.0 * total),
                                  0.01, false, -1, &membership.v, &clusters, &quality),
          "Leiden community detection");
  } else {
    for (std::size_t i = 0; i < n; ++i) VECTOR(membership.v)[i] = static_cast<igraph_integer_t>(i);
  }
  std::vector<std::size_t> labels(n);
  for (std::size_t i = 0; i < n; ++i) labels[i] = static_cast<std::size_t>(VECTOR(membership.v)[i]);
  result.membership = renumber_by_size(labels);
  result.count = count_labels(result.membership);
  if (total > 0) {
    igraph_real_t modularity = 0;
    check(igraph_modularity(&graph.g, &membership.v, &edge_weights.v, options.resolution, false, &modularity),
          "modularity");
    result.modularity = modularity;
  }
  return result;
}

}  // namespace ng::graph::network
