#pragma once
// The network as a picture: the who-speaks-about-whom view of the store (and
// the other views), written as GraphViz DOT with write_graphviz_dp and
// rendered with Graphviz's own libraries (libgvc) to SVG, PNG or PDF.

#include <cstddef>
#include <optional>
#include <string>

namespace ng::graph {

class Store;

enum class NetworkView { SpeaksAbout, CoMention, Affiliation, Combined };

struct DiagramOptions {
  NetworkView view = NetworkView::Combined;
  std::optional<std::string> focus;  // a name or IRI: only its neighbourhood
  std::size_t hops = 2;              // with focus
  std::size_t top = 0;               // keep the N most central entities (0: all)
  std::string layout = "auto";       // auto | dot | neato | sfdp | fdp | circo
};

// Writes the diagram; the format comes from the file's extension (.dot,
// .svg, .png, .pdf). Throws ng::Error on failure.
void write_diagram(const Store& store, const DiagramOptions& options, const std::string& path);

}  // namespace ng::graph
