#pragma once
// Finding entities of a view by what a person would type: an IRI, a name or
// an alias, compared after Unicode case folding ("ADA QUILL" finds "Ada
// Quill"), or failing those, a part of a name ("Quill").

#include <string_view>
#include <vector>

#include "graph/network/network.hpp"

namespace ng::graph::network {

struct EntityMatch {
  Vertex vertex = 0;
  enum class How { Iri, Name, Alias, PartOfName } how = How::Name;
};

// Every match of the best kind found (IRI over name over alias over part),
// the most central (PageRank, then IRI) first. Empty when nothing matches.
std::vector<EntityMatch> find_entities(const Network& net, std::string_view query);

}  // namespace ng::graph::network
