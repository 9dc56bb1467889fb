#pragma once
// Communities by igraph's Leiden algorithm (C API, igraph 0.10) optimising
// modularity on the simple undirected weighted graph: node weights are the
// weighted degrees and the resolution 1/(2m), as igraph documents for
// modularity. igraph's default random generator is seeded first, so the same
// graph and seed give the same communities on every run.
//
// igraph keeps global state (error handler, random generator): call from one
// thread at a time. Throws ng::Error when igraph reports an error (igraph's
// default handler would abort the program; it is replaced during the call).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/network/csr.hpp"

namespace ng::graph::network {

struct CommunityOptions {
  std::uint64_t seed = 42;
  double resolution = 1.0;  // gamma in modularity; > 1 gives smaller communities
};

struct CommunityResult {
  std::vector<std::size_t> membership;  // 0 is the largest community
  std::size_t count = 0;
  double modularity = 0;
};

// `undirected` as made by make_csr(..., Symmetry::Undirected): each edge is
// taken once (source < target). Edges of weight <= 0 are ignored.
CommunityResult leiden_communities(const Csr& undirected, const CommunityOptions& options = {});

}  // namespace ng::graph::network
