#pragma once
// GraphML of an analysed view, for Gephi, yEd, Cytoscape and networkx
// (networkx.read_graphml reads it back with typed attributes). Written by
// hand rather than with boost::write_graphml, which writes one key per
// dynamic property without attr.name and no labels Gephi shows.
//
// Nodes: id "n<index>" and label, iri, type, statements, the degrees,
// pagerank, betweenness, core_number, component, community. Edges: weight,
// kinds ("speaks-about co-mention affiliation"), statements, articles,
// sentences, verbs, roles. edgedefault follows the view's direction.

#include <ostream>
#include <string>
#include <string_view>

#include "graph/network/network.hpp"

namespace ng::graph::network {

void write_graphml(std::ostream& out, const Network& net);
// Throws IoError when the file cannot be written.
void write_graphml_file(const std::string& path, const Network& net);

// Text made safe for XML element content and attribute values: &, <, >, "
// and ' escaped, characters XML 1.0 forbids (most C0 controls) dropped.
std::string xml_escape(std::string_view text);

// "speaks-about co-mention" for an edge's kinds.
std::string kinds_text(unsigned kinds);

}  // namespace ng::graph::network
