#pragma once
// Lays out and renders DOT text with Graphviz's libraries (libgvc and
// cgraph): agmemread, gvLayout, gvRenderFilename, every handle freed.
// When the libraries cannot lay out or render (a missing plugin, e.g. a
// Graphviz install whose plugin configuration was never generated with
// `dot -c`), it falls back to running the `dot` program (`dot -K<engine>
// -T<format> -o <path>`), and logs that it did.
//
// Graphviz keeps global state (its error handler, plugin registry): call
// from one thread at a time. Throws ng::Error when neither way works.

#include <string>

namespace ng::graph::network {

// `format`: a Graphviz output format ("svg", "png", "pdf", ...); `engine`:
// "dot", "neato", "sfdp", "fdp", "circo", "twopi".
void render_dot(const std::string& dot, const std::string& engine, const std::string& format,
                const std::string& path);

}  // namespace ng::graph::network
