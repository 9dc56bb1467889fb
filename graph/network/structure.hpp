#pragma once
// Connected components and k-cores, on the simple undirected graph
// (make_csr with Symmetry::Undirected): in a directed view components are
// weak components, and a vertex's core number counts neighbours regardless
// of direction, as networkx's core_number does on the undirected graph.

#include <cstddef>
#include <vector>

#include "graph/network/csr.hpp"

namespace ng::graph::network {

// Component index per vertex; components are numbered by size, largest
// first (ties: the one holding the smallest vertex first).
std::vector<std::size_t> connected_components(const Csr& undirected);

// boost::core_numbers: the largest k such that the vertex belongs to the
// k-core (the maximal subgraph where every vertex has degree >= k).
std::vector<std::size_t> core_numbers(const Csr& undirected);

// Number of distinct values in a labelling such as the two above.
std::size_t count_labels(const std::vector<std::size_t>& labels);

// Renumbers labels by the size of their group, largest first (ties: the
// group holding the smallest vertex first).
std::vector<std::size_t> renumber_by_size(const std::vector<std::size_t>& labels);

}  // namespace ng::graph::network
