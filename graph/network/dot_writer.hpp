#pragma once
// An analysed view as GraphViz DOT, written with boost::write_graphviz_dp
// (nodes, edges and graph attributes as dynamic properties). The drawing:
//   - entity type -> shape and colour (Person: blue ellipse, Organization:
//     orange rounded box, Place: green hexagon; Okabe-Ito colours, which
//     stay distinct for colour-blind readers);
//   - PageRank -> node size (font size in small drawings, node size in
//     large ones, where only the most central entities are labelled and
//     the rest show their name on hover in SVG);
//   - edge weight -> line width; speaks-about as dark arrows labelled with
//     the reporting verb and count, co-mention as grey dashed lines,
//     affiliation as blue arrows labelled with the role;
//   - communities -> clusters (subgraph cluster_*; drawn by dot and fdp);
//   - a legend and title as an HTML-like graph label at the bottom.
// write_graphviz_dp can write neither clusters nor HTML labels, so those are
// added to its output before the closing brace.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "graph/network/network.hpp"

namespace ng::graph::network {

struct DotOptions {
  std::string engine = "dot";  // written as the graph's `layout` attribute
  bool clusters = true;        // communities as clusters
  bool edge_labels = true;     // verbs, roles and counts on edges
  std::size_t labelled = 0;    // label only the N most central entities (0: all)
  bool faint_edges = false;    // thin translucent edges, for dense drawings
  bool splines = true;         // route edges around nodes (costly with many edges)
  std::optional<Vertex> focus;  // drawn with a heavy outline
  std::string title;
};

std::string to_dot(const Network& net, const DotOptions& options);

// A label as a DOT string body for write_graphviz_dp, which quotes and
// escapes '"' itself: backslashes doubled (so "\N" stays two characters
// rather than becoming the node's name), '&' written as "&amp;" (Graphviz
// expands entities in plain labels), line breaks as "\n", control
// characters dropped. Lines longer than `wrap` code points are broken at
// spaces (0: never).
std::string dot_label(std::string_view text, std::size_t wrap = 0);

}  // namespace ng::graph::network
