#pragma once
// A view reduced to what ranks its entities: its vertices (numbered as
// build_view numbers them, in IRI order) and its links' weights, in the
// order build_view's graph lists its edges. What a big diagram ranks and
// chooses from: build_view's whole view of 10,000 articles is 2.3 million
// Boost edges, each with its hash-index entry and five empty vectors
// (18 s of the diagram's 25 s of CPU); these links are 16 bytes each.
//
// The edges are weighted_edges() of the whole view, in the same order
// (the order build_view adds them), so walk_graph(links) and make_csr give
// the whole view's CSR graphs and PageRank and Leiden the same numbers bit
// for bit: a diagram drawn from it is the same file
// (tests/unit/network/views_test.cpp). Sentence co-mentions do not change
// a weight and are not read.

#include <cstddef>
#include <string>
#include <vector>

#include "graph/network/csr.hpp"
#include "graph/network/facts.hpp"
#include "graph/network/network_view.hpp"

namespace ng::graph::network {

struct ViewLinks {
  bool directed = false;
  std::vector<std::string> iris;     // vertex -> IRI, ascending
  std::vector<WeightedEdge> edges;   // as weighted_edges(build_view(facts, view, {false}))
  std::vector<std::size_t> links;    // vertex -> link_count() in that view
  std::size_t vertex_count() const noexcept { return iris.size(); }
};

ViewLinks view_links(const StoreFacts& facts, NetworkView view);

// walk_graph() of a view given by its links.
Csr walk_graph(const ViewLinks& links);

}  // namespace ng::graph::network
