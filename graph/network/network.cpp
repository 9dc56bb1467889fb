#include "graph/network/network.hpp"

#include <utility>

namespace ng::graph::network {

namespace {

std::uint64_t pair_key(Vertex u, Vertex v) { return (static_cast<std::uint64_t>(u) << 32U) | static_cast<std::uint64_t>(v); }

}  // namespace

Network::Network(const Network& other) : graph(other.graph), by_iri(other.by_iri) { reindex(); }

Network& Network::operator=(const Network& other) {
  if (this != &other) {
    graph = other.graph;
    by_iri = other.by_iri;
    reindex();
  }
  return *this;
}

void Network::reindex() {
  by_pair.clear();
  for (const Edge e : boost::make_iterator_range(boost::edges(graph))) {
    Vertex u = boost::source(e, graph);
    Vertex v = boost::target(e, graph);
    if (!directed() && v < u) std::swap(u, v);
    by_pair.emplace(pair_key(u, v), e);
  }
}

std::optional<Vertex> Network::find(std::string_view iri) const {
  const auto it = by_iri.find(std::string(iri));
  if (it == by_iri.end()) return std::nullopt;
  return it->second;
}

Vertex Network::add_vertex(const std::string& iri, const std::string& label, EntityType type) {
  if (const auto it = by_iri.find(iri); it != by_iri.end()) return it->second;
  const Vertex v = boost::add_vertex(NetworkVertex{iri, label, type, {}, 0, {}}, graph);
  by_iri.emplace(iri, v);
  return v;
}

Edge Network::edge_between(Vertex u, Vertex v) {
  if (!directed() && v < u) std::swap(u, v);
  const std::uint64_t key = pair_key(u, v);
  if (const auto it = by_pair.find(key); it != by_pair.end()) return it->second;
  const Edge e = boost::add_edge(u, v, graph).first;
  by_pair.emplace(key, e);
  return e;
}

std::string_view view_name(NetworkView view) noexcept {
  switch (view) {
    case NetworkView::SpeaksAbout: return "speaks-about";
    case NetworkView::CoMention: return "co-mention";
    case NetworkView::Affiliation: return "affiliation";
    case NetworkView::Combined: return "combined";
  }
  return "combined";
}

}  // namespace ng::graph::network
