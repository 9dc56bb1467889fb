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

#include "graph/network/facts.hpp"
#include "graph/network/network.hpp"

namespace ng::graph::network {

Network build_view(const StoreFacts& facts, NetworkView view);
// Reads only the facts the view needs.
Network build_view(const Store& store, NetworkView view);
// The facts a view needs (FactParts bits).
unsigned facts_for(NetworkView view) noexcept;

}  // namespace ng::graph::network
