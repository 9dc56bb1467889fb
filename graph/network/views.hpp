#pragma once
// The four network views, each answering one question:
//   speaks-about  (directed)   speaker -> entity spoken about; weight = number
//                              of statements; the statements are the evidence.
//   co-mention    (undirected) entities mentioned in the same article; weight
//                              = number of articles (sentences counted too).
//   affiliation   (directed)   person -> organisation or place, from
//                              org:Membership and schema:affiliation; weight =
//                              number of distinct roles (at least 1).
//   combined      (undirected) the union of the three, for paths and
//                              communities; weight = statements (both ways)
//                              + articles + affiliation weight.
// A vertex is an entity (Person, Organization, Place) that takes part in the
// view's relation; statement speakers are vertices of speaks-about and
// combined even when their statements are about nobody. Self-loops (someone
// speaking about themselves) are left out. Vertex order is sorted by IRI, so
// that a view and everything computed from it is the same on every run.
//
// Throws what read_facts throws.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/network/facts.hpp"
#include "graph/network/network.hpp"

namespace ng::graph::network {

// What build_view puts in the view. The default is everything. A big
// picture's diagram builds the view twice: first without details (only
// what the algorithms read: vertices, edges, weights, kinds, counts; the
// metrics and the ranking come out the same), then with details for the
// few hundred entities it draws; the full view of 10,000 articles (two
// million co-mention links, each with its articles' IRIs) took minutes and
// gigabytes.
struct ViewOptions {
  // Each edge's evidence, verbs, sources and shared articles (the roles
  // are always kept: they are the affiliation weight).
  bool details = true;
  // Only these entities (IRIs) are vertices, with the edges between them;
  // each is a vertex when it would be one in the whole view. Vertices,
  // edges and their details are then exactly those of the whole view's
  // subnetwork() of these entities, in the same order.
  const std::unordered_set<std::string>* only = nullptr;
  // With details: each edge's sources and shared articles (a drawing
  // shows neither; at 10,000 articles the 300 most central entities share
  // hundreds of thousands of them).
  bool sources = true;
};

Network build_view(const StoreFacts& facts, NetworkView view, const ViewOptions& options = {});
// Reads only the facts the view needs.
Network build_view(const Store& store, NetworkView view);
// The facts a view needs (FactParts bits).
unsigned facts_for(NetworkView view) noexcept;
// The entities that are vertices of the view, in IRI order (views into
// `facts`).
std::vector<std::string_view> view_members(const StoreFacts& facts, NetworkView view);

}  // namespace ng::graph::network
