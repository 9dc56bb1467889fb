#pragma once
// Walking a view: who is linked to whom within a few hops, the shortest
// chains between two entities, and the part of a view around some entities.
// Links are followed in either direction (in the speaks-about view, a chain
// may go from a speaker to the person spoken about and on to someone who
// spoke about that person), and every link counts as one hop.

#include <cstddef>
#include <utility>
#include <vector>

#include "graph/network/network.hpp"

namespace ng::graph::network {

// The edges linking u and v: one, or two in a directed view where each
// spoke about the other.
std::vector<Edge> links_between(const Network& net, Vertex u, Vertex v);

// Neighbours of v in either direction, each once, in vertex order.
std::vector<Vertex> neighbours(const Network& net, Vertex v);

// Up to `max_chains` shortest chains from `from` to `to` (each from..to).
// Where chains branch, stronger links (higher weight) come first. Empty when
// `to` cannot be reached; {{from}} when from == to.
std::vector<std::vector<Vertex>> shortest_chains(const Network& net, Vertex from, Vertex to,
                                                 std::size_t max_chains = 5);

// Vertices within `hops` links of `center` with their distance, nearest
// first (center itself at distance 0).
std::vector<std::pair<Vertex, std::size_t>> within_hops(const Network& net, Vertex center, std::size_t hops);

// The view restricted to `keep` (vertex properties and metrics copied, in
// the order given; edges among them copied).
Network subnetwork(const Network& net, const std::vector<Vertex>& keep);

}  // namespace ng::graph::network
