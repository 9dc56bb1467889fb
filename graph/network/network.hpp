#pragma once
// A network view of the store: entities as vertices, one relation between
// them as edges, in a Boost.Graph adjacency_list with bundled properties.
// Views are built by graph/network/views.hpp; analysis (metrics.hpp) fills
// in each vertex's metrics; the diagram, GraphML and the `path`, `top` and
// `ego` questions read them.
//
// One graph type serves every view. A directed view (speaks-about,
// affiliation) holds one edge per ordered pair; an undirected view
// (co-mention, combined) holds one edge per unordered pair, its source being
// whichever vertex came first, and `NetworkInfo::directed` says which is
// meant. Algorithms that need an undirected graph symmetrise (csr.hpp).
//
// Values only: a Network owns all its strings and is safe to move between
// threads; it is not synchronised.

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/network/network_view.hpp"
#include "ontology/entity_type.hpp"

namespace ng::graph::network {

using ontology::EntityType;

// What analysis computes per vertex. Degrees count edges of the view (not
// distinct statements); weighted degrees sum edge weights. In an undirected
// view in == out == degree.
struct Metrics {
  double in_degree = 0;
  double out_degree = 0;
  double weighted_in_degree = 0;
  double weighted_out_degree = 0;
  double page_rank = 0;
  double betweenness = 0;  // unnormalised, unweighted (hop counts); see betweenness.hpp
  std::size_t core_number = 0;
  std::size_t component = 0;  // 0 is the largest component
  std::size_t community = 0;  // 0 is the largest community
};

struct NetworkVertex {
  std::string iri;
  std::string label;  // schema:name, else the IRI's last segment
  EntityType type = EntityType::Person;
  std::vector<std::string> aliases;  // other names (schema:alternateName), for lookup
  std::size_t statements = 0;  // statements the entity is the creator of (any view)
  Metrics metrics;
};

// Which relations an edge stands for; a combined edge can be several.
enum EdgeKind : unsigned {
  kSpeaksAbout = 1U,
  kCoMention = 2U,
  kAffiliation = 4U,
};

// One statement behind a speaks-about edge.
struct Evidence {
  std::string statement;  // the schema:Quotation IRI
  std::string speaker;    // entity IRIs: which way the statement goes
  std::string about;
  std::string text;
  std::string verb;
  std::string source;  // the article (or record set) it is part of
};

struct NetworkEdge {
  double weight = 0;
  unsigned kinds = 0;           // EdgeKind bits
  std::size_t statements = 0;   // speaks-about: statements (both ways in an undirected view)
  std::size_t articles = 0;     // co-mention: articles mentioning both
  std::size_t sentences = 0;    // co-mention: sentences mentioning both
  std::vector<std::string> verbs;    // distinct reporting verbs, sorted
  std::vector<std::string> roles;    // affiliation: role titles, sorted
  std::vector<Evidence> evidence;    // speaks-about statements
  std::vector<std::string> sources;  // articles / record sets behind the edge, sorted
  std::vector<std::string> shared_articles;  // co-mention: the articles naming both, sorted
};

struct NetworkInfo {
  NetworkView view = NetworkView::Combined;
  bool directed = false;
  // Article (or record set) IRI -> its headline, for printing evidence.
  std::map<std::string, std::string> source_titles;
};

using NetworkGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NetworkVertex,
                                           NetworkEdge, NetworkInfo>;
using Vertex = boost::graph_traits<NetworkGraph>::vertex_descriptor;
using Edge = boost::graph_traits<NetworkGraph>::edge_descriptor;

// A view and an index from IRI to vertex.
//
// Boost 1.74's adjacency_list has no move constructor, so moving one copies
// it, and edge descriptors of the old graph (which point at its edge
// properties) dangle: copying or moving a Network therefore rebuilds
// `by_pair` for the new graph.
struct Network {
  Network() = default;
  Network(const Network& other);
  Network& operator=(const Network& other);
  Network(Network&& other) : Network(static_cast<const Network&>(other)) {}
  Network& operator=(Network&& other) { return *this = static_cast<const Network&>(other); }
  ~Network() = default;

  NetworkGraph graph;
  std::unordered_map<std::string, Vertex> by_iri;
  // (source << 32 | target) -> edge; an undirected view keys by (min, max).
  std::unordered_map<std::uint64_t, Edge> by_pair;

  bool directed() const { return graph[boost::graph_bundle].directed; }
  NetworkView view() const { return graph[boost::graph_bundle].view; }
  std::size_t vertex_count() const { return boost::num_vertices(graph); }
  std::size_t edge_count() const { return boost::num_edges(graph); }
  std::optional<Vertex> find(std::string_view iri) const;
  // The vertex of `iri`, added with `label` and `type` when new.
  Vertex add_vertex(const std::string& iri, const std::string& label, EntityType type);
  // The edge u -> v (either way round in an undirected view), added when new.
  Edge edge_between(Vertex u, Vertex v);

 private:
  void reindex();
};

}  // namespace ng::graph::network
