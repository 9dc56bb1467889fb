#pragma once
// Lays out and renders DOT text with Graphviz: the `dot` program first
// (`dot -K<engine> -T<format> -o <path>`, run without a shell, its messages
// sent to the debug log), because a fresh process draws the same DOT text
// the same way every time, while inside a busy process Graphviz 2.43's fdp
// and sfdp layouts depend on the process's state. When the program is
// missing, Graphviz's libraries (libgvc and cgraph: agmemread, gvLayout,
// gvRenderFilename, every handle freed) draw instead.
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
