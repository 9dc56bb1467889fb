// write_diagram (graph/diagram.hpp): view -> metrics -> the part worth
// drawing -> DOT -> Graphviz.
#include "graph/diagram.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "common/error.hpp"
#include "graph/network/dot_writer.hpp"
#include "graph/network/graphviz_render.hpp"
#include "graph/network/lookup.hpp"
#include "graph/network/metrics.hpp"
#include "graph/network/neighbourhood.hpp"
#include "graph/network/views.hpp"

namespace ng::graph {

namespace {

using namespace network;

// Up to this many entities dot's layered layout reads well (and can draw
// communities as boxes); beyond it, force-directed layouts do.
constexpr std::size_t kDotLimit = 60;
// neato's stress majorisation gives the cleanest force-directed pictures
// but grows quadratically; sfdp's multilevel layout takes over above this.
constexpr std::size_t kNeatoLimit = 250;
// Large drawings label only the most central entities; the rest are dots
// (names on hover in SVG).
constexpr std::size_t kLabelledInLargeDrawings = 60;
// A safety net for `build` on big corpora: with top = 0 ("all") more than
// this many entities would take minutes to lay out and be unreadable.
constexpr std::size_t kMostDrawn = 2000;

std::string choose_engine(const std::string& layout, std::size_t vertices) {
  if (layout != "auto" && !layout.empty()) return layout;
  if (vertices <= kDotLimit) return "dot";
  return vertices <= kNeatoLimit ? "neato" : "sfdp";
}

std::string format_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
  throw UsageError(fmt::format("{}: unknown diagram format '{}' (use .dot, .svg, .png or .pdf)", path, ext));
}

// The vertices to draw, most central first: the focus's neighbourhood when
// there is one, then the `top` most central.
std::vector<Vertex> select(const Network& net, const DiagramOptions& options, std::optional<Vertex>& focus) {
  const NetworkGraph& g = net.graph;
  std::vector<Vertex> keep;
  if (options.focus) {
    const std::vector<EntityMatch> matches = find_entities(net, *options.focus);
    if (matches.empty()) {
      throw Error(fmt::format("no entity of the {} view matches '{}'", view_name(net.view()), *options.focus));
    }
    focus = matches.front().vertex;
    if (matches.size() > 1) {
      spdlog::info("'{}' matches {} entities; drawing around {} <{}>", *options.focus, matches.size(),
                   g[*focus].label, g[*focus].iri);
    }
    for (const auto& [v, distance] : within_hops(net, *focus, options.hops)) keep.push_back(v);
  } else {
    keep.resize(net.vertex_count());
    std::iota(keep.begin(), keep.end(), Vertex{0});
  }
  std::stable_sort(keep.begin(), keep.end(), [&](Vertex a, Vertex b) {
    if (focus && (a == *focus || b == *focus)) return a == *focus && b != *focus;
    return g[a].metrics.page_rank > g[b].metrics.page_rank;
  });
  std::size_t limit = options.top;
  if (limit == 0 && keep.size() > kMostDrawn) {
    spdlog::warn("drawing the {} most central of {} entities (use --top to choose)", kMostDrawn, keep.size());
    limit = kMostDrawn;
  }
  if (limit > 0 && keep.size() > limit) keep.resize(limit);
  // Back in IRI order, so that the DOT text does not depend on rank ties.
  std::sort(keep.begin(), keep.end());
  return keep;
}

}  // namespace

void write_diagram(const Store& store, const DiagramOptions& options, const std::string& path) {
  const std::string format = format_of(path);
  Network net = build_view(store, options.view);
  AnalysisOptions analysis;
  analysis.betweenness = false;  // not drawn; the costliest metric
  analyse(net, analysis);

  std::optional<Vertex> focus;
  const std::vector<Vertex> keep = select(net, options, focus);
  Network drawn = subnetwork(net, keep);
  std::optional<Vertex> drawn_focus;
  if (focus) drawn_focus = drawn.find(net.graph[*focus].iri);

  const std::size_t n = drawn.vertex_count();
  DotOptions dot;
  dot.engine = choose_engine(options.layout, n);
  dot.clusters = dot.engine == "dot" || dot.engine == "fdp";
  dot.edge_labels = n <= kDotLimit;
  dot.labelled = n > kNeatoLimit ? kLabelledInLargeDrawings : 0;
  dot.focus = drawn_focus;
  dot.title = fmt::format("newsgraph: {} view, {} of {} entities, {} links", view_name(options.view), n,
                          net.vertex_count(), drawn.edge_count());
  if (focus) dot.title += fmt::format(", within {} hops of {}", options.hops, net.graph[*focus].label);
  const std::string text = to_dot(drawn, dot);

  if (format == "dot") {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.flush();
    if (!out) throw IoError(fmt::format("{}: cannot write", path));
  } else {
    render_dot(text, dot.engine, format, path);
  }
  spdlog::debug("diagram {}: {} entities, {} links, layout {}", path, n, drawn.edge_count(), dot.engine);
}

}  // namespace ng::graph
