#pragma once
// The network as a picture: a view of the store (who speaks about whom, and
// the other views), reduced to the part worth drawing, written as GraphViz
// DOT with write_graphviz_dp, and rendered with Graphviz's own libraries
// (libgvc) to SVG, PNG or PDF.
//
// make_diagram returns the picture as a value (DOT text and the layout engine
// chosen for it); write_diagram saves or renders it. A build writes graph.dot
// and graph.svg from one Diagram, without building the view twice.

#include <cstddef>
#include <optional>
#include <string>

#include "graph/network/network_view.hpp"

namespace ng::graph {
class Store;
}

namespace ng::graph::network {

struct DiagramOptions {
  NetworkView view = NetworkView::Combined;
  std::optional<std::string> focus;  // a name or IRI: only its neighbourhood
  std::size_t hops = 2;              // with focus
  // Keep the N most central entities (PageRank; 0: all, which takes
  // minutes and gigabytes past a few thousand articles, and reads as ink).
  std::size_t top = 300;
  // With `top` cutting the drawing: each entity's N strongest links are
  // drawn (0: every link between the drawn entities).
  std::size_t links_per_entity = 5;
  std::string layout = "auto";       // auto | dot | neato | sfdp | fdp | circo | twopi
};

struct Diagram {
  std::string dot;     // the DOT text
  std::string engine;  // the Graphviz layout engine it is meant for
  std::size_t entities = 0;
  std::size_t links = 0;
};

// Builds the view, analyses it and draws the chosen part. Throws ng::Error
// when a focus names no entity.
Diagram make_diagram(const Store& store, const DiagramOptions& options);

// Writes the diagram in the format of the file's extension (.dot, .gv, .svg,
// .png, .pdf). Throws UsageError for an unknown extension, IoError (naming
// the path and the reason) when the file cannot be written.
void write_diagram(const Diagram& diagram, const std::string& path);

}  // namespace ng::graph::network
