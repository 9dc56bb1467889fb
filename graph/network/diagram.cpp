// write_diagram (graph/diagram.hpp): view -> metrics -> the part worth
// drawing -> DOT -> Graphviz.
#include "graph/network/diagram.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "common/ascii.hpp"
#include "common/error.hpp"
#include "common/output_file.hpp"
#include "graph/network/dot_writer.hpp"
#include "graph/network/graphviz_render.hpp"
#include "graph/network/lookup.hpp"
#include "graph/network/metrics.hpp"
#include "graph/network/metrics_output.hpp"
#include "graph/network/neighbourhood.hpp"
#include "graph/network/views.hpp"

namespace ng::graph::network {

namespace {

// Up to this many entities dot's layered layout reads well (and can draw
// communities as boxes); beyond it, force-directed layouts do.
constexpr std::size_t kDotLimit = 60;
// neato's stress majorisation gives the cleanest force-directed pictures
// but grows quadratically; sfdp's multilevel layout takes over above this.
constexpr std::size_t kNeatoLimit = 250;
// Drawings of more entities than this label only the kLabelled most central
// ones; the rest are small shapes (names on hover in SVG).
constexpr std::size_t kAllLabelledLimit = 120;
constexpr std::size_t kLabelled = 60;
// Past this many links, edges are drawn thin and translucent (a dense
// drawing is otherwise a wall of ink) and drawn straight: routing splines
// around nodes costs minutes with thousands of edges (neato, 150 entities,
// 2700 links: 70 s with splines, 0.9 s without).
constexpr std::size_t kDenseEdges = 300;
// A safety net for `build` on big corpora: with top = 0 ("all") more than
// this many entities take seconds per thousand to analyse and lay out
// (15 s of a 32 s build of 1,000 benchmark articles at 2,000), and 500
// is already more than anyone reads.
constexpr std::size_t kMostDrawn = 500;

// Small drawings: dot's layered layout for the directed views (who speaks
// about whom reads left to right), fdp for the undirected ones (co-mention
// cliques make dot draw long curves across the page; fdp keeps each clique
// together). Larger or dense (where
// fdp spreads clusters over the page): neato, then sfdp.
std::string choose_engine(const std::string& layout, std::size_t vertices, std::size_t links, bool directed) {
  if (layout != "auto" && !layout.empty()) return layout;
  if (vertices <= kDotLimit && links <= kDenseEdges) return directed ? "dot" : "fdp";
  return vertices <= kNeatoLimit ? "neato" : "sfdp";
}

std::string format_of(const std::string& path) {
  const std::string ext = ascii_lower(std::filesystem::path(path).extension().string());
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
  throw UsageError(fmt::format("{}: unknown diagram format '{}' (use .dot, .svg, .png or .pdf)", path, ext));
}

// The vertices to draw: the focus's neighbourhood when there is one, then
// the `top` most central. Entities without links are left out (a speaker
// whose statements are about nobody would be a lone shape; dot stacks
// dozens of them in a column): `unlinked` counts them for the title.
std::vector<Vertex> select(const Network& net, const DiagramOptions& options, std::optional<Vertex>& focus,
                           std::size_t& unlinked) {
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
  const auto alone = [&](Vertex v) { return (!focus || v != *focus) && link_count(net, v) == 0; };
  unlinked = static_cast<std::size_t>(std::count_if(keep.begin(), keep.end(), alone));
  keep.erase(std::remove_if(keep.begin(), keep.end(), alone), keep.end());
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

// Fails before any work when the file's folder is missing or not writable,
// with the reason ("No such file or directory").
void check_writable(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  if (::access(folder.c_str(), W_OK) != 0) {
    throw IoError(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  }
}

}  // namespace

Diagram make_diagram(const Store& store, const DiagramOptions& options) {
  Network net = build_view(store, options.view);
  AnalysisOptions analysis;
  analysis.betweenness = false;  // not drawn; the costliest metric
  analyse(net, analysis);

  std::optional<Vertex> focus;
  std::size_t unlinked = 0;
  const std::vector<Vertex> keep = select(net, options, focus, unlinked);
  Network drawn = subnetwork(net, keep);
  std::optional<Vertex> drawn_focus;
  if (focus) drawn_focus = drawn.find(net.graph[*focus].iri);

  const std::size_t n = drawn.vertex_count();
  const std::size_t links = drawn.edge_count();
  DotOptions dot;
  dot.engine = choose_engine(options.layout, n, links, drawn.directed());
  // Communities as boxes with dot only: Graphviz 2.43's fdp lays clusters
  // out differently from run to run (even in a fresh `dot` process), and
  // the same input must give the same picture.
  dot.clusters = dot.engine == "dot";
  dot.edge_labels = n <= kDotLimit && links <= kDenseEdges;
  dot.labelled = n > kAllLabelledLimit ? kLabelled : 0;
  dot.faint_edges = links > kDenseEdges;
  dot.splines = links <= kDenseEdges;
  dot.focus = drawn_focus;
  dot.title = fmt::format("newsgraph: {} view, {} of {} entities, {} link{}", view_name(options.view), n,
                          net.vertex_count(), links, links == 1 ? "" : "s");
  if (focus) dot.title += fmt::format(", within {} hops of {}", options.hops, net.graph[*focus].label);
  if (unlinked > 0) dot.title += fmt::format(" ({} without links not drawn)", unlinked);
  return Diagram{to_dot(drawn, dot), dot.engine, n, links};
}

void write_diagram(const Diagram& diagram, const std::string& path) {
  const std::string format = format_of(path);
  check_writable(path);
  if (format == "dot") {
    write_output_file(path, diagram.dot);
  } else {
    render_dot(diagram.dot, diagram.engine, format, path);
    // Graphviz reports success for a file it could not create; trust the disk.
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
      throw IoError(fmt::format("{}: Graphviz wrote nothing", path));
    }
  }
  spdlog::debug("diagram {}: {} entities, {} links, layout {}", path, diagram.entities, diagram.links,
                diagram.engine);
}

}  // namespace ng::graph::network
