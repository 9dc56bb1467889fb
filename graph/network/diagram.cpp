// write_diagram (graph/diagram.hpp): view -> metrics -> the part worth
// drawing -> DOT -> Graphviz.
#include "graph/network/diagram.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "common/ascii.hpp"
#include "common/error.hpp"
#include "common/output_file.hpp"
#include "graph/network/dot_writer.hpp"
#include "graph/network/graphviz_render.hpp"
#include "graph/network/lookup.hpp"
#include "graph/network/metrics.hpp"
#include "graph/network/metrics_output.hpp"
#include "graph/network/neighbourhood.hpp"
#include "graph/network/communities.hpp"
#include "graph/network/page_rank.hpp"
#include "graph/network/view_links.hpp"
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
  const std::size_t limit = options.top;
  if (limit > 0 && keep.size() > limit) {
    spdlog::info("diagram: the {} most central of {} linked entities (PageRank; --top to choose)", limit,
                 keep.size());
    keep.resize(limit);
  }
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

// The drawing with only each entity's `per_entity` strongest links (by
// weight; ties: the other end's IRI order); a link stays when it is among
// the strongest of either end, so every entity keeps at least one. Vertices
// and the kept links' order are as in `net`.
Network strongest_links(const Network& net, std::size_t per_entity) {
  const NetworkGraph& g = net.graph;
  std::vector<Edge> all;
  std::map<std::pair<Vertex, Vertex>, std::size_t> position;  // (source, target) -> index in `all`
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    position.emplace(std::pair{boost::source(e, g), boost::target(e, g)}, all.size());
    all.push_back(e);
  }
  std::vector<bool> kept(all.size(), false);
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    std::vector<std::pair<std::size_t, Vertex>> links;  // (index in all, other end)
    for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
      links.emplace_back(position.at({v, boost::target(e, g)}), boost::target(e, g));
    }
    for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g))) {
      links.emplace_back(position.at({boost::source(e, g), v}), boost::source(e, g));
    }
    const std::size_t n = std::min(per_entity, links.size());
    std::partial_sort(links.begin(), links.begin() + static_cast<std::ptrdiff_t>(n), links.end(),
                      [&](const auto& a, const auto& b) {
                        const double wa = g[all[a.first]].weight, wb = g[all[b.first]].weight;
                        if (wa != wb) return wa > wb;
                        return a.second != b.second ? a.second < b.second : a.first < b.first;
                      });
    for (std::size_t i = 0; i < n; ++i) kept[links[i].first] = true;
  }
  Network out;
  out.graph[boost::graph_bundle] = g[boost::graph_bundle];
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const Vertex copy = boost::add_vertex(g[v], out.graph);
    out.by_iri.emplace(g[v].iri, copy);
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!kept[i]) continue;
    out.graph[out.edge_between(boost::source(all[i], g), boost::target(all[i], g))] = g[all[i]];
  }
  return out;
}

// What choosing and drawing need of the whole view: each vertex's IRI
// and rank, and (only for dot's boxes) communities.
struct Ranked {
  std::vector<std::string> iris;
  std::vector<Metrics> metrics;  // page_rank, and community once computed
  std::optional<std::size_t> focus;
  std::string focus_label;
  std::size_t unlinked = 0;
  std::vector<std::size_t> keep;  // the vertices to draw, ascending
};

void warn_unconverged(const PageRankResult& ranks) {
  if (!ranks.converged) {
    spdlog::warn("PageRank did not converge in {} iterations (change {:.3g}); ranks are approximate",
                 ranks.iterations, ranks.change);
  }
}

// A focused drawing needs the paths around its focus: the whole view as
// a Network, analysed as `analyse` does.
Ranked rank_around_focus(const StoreFacts& facts, const DiagramOptions& options) {
  Network net = build_view(facts, options.view, ViewOptions{false, nullptr});
  AnalysisOptions analysis;
  analysis.betweenness = false;  // not drawn; the costliest metric
  analyse(net, analysis);
  std::optional<Vertex> focus;
  Ranked ranked;
  const std::vector<Vertex> keep = select(net, options, focus, ranked.unlinked);
  for (const Vertex v : boost::make_iterator_range(boost::vertices(net.graph))) {
    ranked.iris.push_back(net.graph[v].iri);
    ranked.metrics.push_back(net.graph[v].metrics);
  }
  if (focus) {
    ranked.focus = *focus;
    ranked.focus_label = net.graph[*focus].label;
  }
  ranked.keep.assign(keep.begin(), keep.end());
  return ranked;
}

// Any other drawing ranks on the view's links alone (view_links.hpp), the
// same ranks and the same choice as select() on the whole Network, in a
// fraction of the time and memory. Communities are left to
// add_communities, for the drawings dot lays out.
Ranked rank_links(const ViewLinks& links, const DiagramOptions& options) {
  Ranked ranked;
  const std::size_t n = links.vertex_count();
  ranked.iris = links.iris;
  ranked.metrics.resize(n);
  if (n > 0) {
    const PageRankResult ranks = page_rank(walk_graph(links), AnalysisOptions{}.page_rank);
    warn_unconverged(ranks);
    for (std::size_t v = 0; v < n; ++v) ranked.metrics[v].page_rank = ranks.ranks[v];
  }
  std::vector<std::size_t> keep;
  for (std::size_t v = 0; v < n; ++v) {
    if (links.links[v] > 0) keep.push_back(v);
  }
  ranked.unlinked = n - keep.size();
  std::stable_sort(keep.begin(), keep.end(), [&](std::size_t a, std::size_t b) {
    return ranked.metrics[a].page_rank > ranked.metrics[b].page_rank;
  });
  if (options.top > 0 && keep.size() > options.top) {
    spdlog::info("diagram: the {} most central of {} linked entities (PageRank; --top to choose)", options.top,
                 keep.size());
    keep.resize(options.top);
  }
  std::sort(keep.begin(), keep.end());
  ranked.keep = std::move(keep);
  return ranked;
}

// Leiden communities of the whole view, as `analyse` numbers them.
void add_communities(const ViewLinks& links, Ranked& ranked) {
  if (links.vertex_count() == 0) return;
  CommunityOptions c;
  c.seed = AnalysisOptions{}.seed;
  const CommunityResult communities =
      leiden_communities(make_csr(links.vertex_count(), links.edges, Symmetry::Undirected), c);
  for (std::size_t v = 0; v < links.vertex_count(); ++v) ranked.metrics[v].community = communities.membership[v];
}

}  // namespace

Diagram make_diagram(const Store& store, const DiagramOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const auto since_start = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  };
  // Without sentence co-mentions: no weight, rank or drawn attribute
  // depends on them.
  const StoreFacts facts = read_facts(store, facts_for(options.view) & ~unsigned{kSentenceFacts});
  // The whole view's links rank and choose; the chosen entities' view with
  // details is drawn (views.hpp: the same as cutting them out of the whole
  // view, for a fraction of its time and memory).
  std::optional<ViewLinks> links;
  Ranked ranked;
  if (options.focus) {
    ranked = rank_around_focus(facts, options);
  } else {
    links = view_links(facts, options.view);
    ranked = rank_links(*links, options);
  }
  spdlog::debug("diagram: {} entities ranked at {:.0f} ms", ranked.iris.size(), since_start());
  const std::vector<std::size_t>& keep = ranked.keep;
  const std::size_t whole = ranked.iris.size();
  const std::size_t unlinked = ranked.unlinked;
  const std::size_t linked = whole - unlinked;
  std::unordered_set<std::string> chosen;
  for (const std::size_t v : keep) chosen.insert(ranked.iris[v]);
  Network drawn = build_view(facts, options.view, ViewOptions{true, &chosen, false});
  std::unordered_map<std::string_view, std::size_t> whole_vertex;  // drawn IRI -> vertex of the whole view
  for (const std::size_t v : keep) whole_vertex.emplace(ranked.iris[v], v);
  spdlog::debug("diagram: the drawn entities' view built at {:.0f} ms", since_start());
  const bool focus = ranked.focus.has_value();
  std::optional<Vertex> drawn_focus;
  if (focus) drawn_focus = drawn.find(ranked.iris[*ranked.focus]);
  // A drawing cut to its most central entities keeps their strongest
  // links: 500 entities of a 10,000-article store share 107,000 co-mention
  // links, a 36 MB SVG in which no link can be followed.
  const std::size_t all_links = drawn.edge_count();
  const std::size_t per_entity = options.links_per_entity;
  if (!focus && keep.size() < linked && per_entity > 0 && all_links > per_entity * keep.size()) {
    drawn = strongest_links(drawn, per_entity);
    spdlog::info("diagram: {} of the {} links between them (each entity's {} strongest; --links to choose)",
                 drawn.edge_count(), all_links, per_entity);
  }

  const std::size_t n = drawn.vertex_count();
  const std::size_t links_drawn = drawn.edge_count();
  DotOptions dot;
  dot.engine = choose_engine(options.layout, n, links_drawn, drawn.directed());
  // Communities as boxes with dot only: Graphviz 2.43's fdp lays clusters
  // out differently from run to run (even in a fresh `dot` process), and
  // the same input must give the same picture.
  dot.clusters = dot.engine == "dot";
  if (dot.clusters && links) add_communities(*links, ranked);
  for (const Vertex v : boost::make_iterator_range(boost::vertices(drawn.graph))) {
    drawn.graph[v].metrics = ranked.metrics[whole_vertex.at(drawn.graph[v].iri)];
  }
  dot.edge_labels = n <= kDotLimit && links_drawn <= kDenseEdges;
  dot.labelled = n > kAllLabelledLimit ? kLabelled : 0;
  dot.faint_edges = links_drawn > kDenseEdges;
  dot.splines = links_drawn <= kDenseEdges;
  dot.focus = drawn_focus;
  dot.title = fmt::format("newsgraph: {} view, {} of {} entities, {} link{}", view_name(options.view), n, whole,
                          links_drawn, links_drawn == 1 ? "" : "s");
  if (links_drawn < all_links) {
    dot.title += fmt::format(" (each entity's {} strongest of the {} between them)", per_entity, all_links);
  }
  if (focus) dot.title += fmt::format(", within {} hops of {}", options.hops, ranked.focus_label);
  if (unlinked > 0) dot.title += fmt::format(" ({} without links not drawn)", unlinked);
  Diagram diagram{to_dot(drawn, dot), dot.engine, n, links_drawn};
  spdlog::debug("diagram: DOT written at {:.0f} ms", since_start());
  return diagram;
}

void write_diagram(const Diagram& diagram, const std::string& path) {
  const std::string format = format_of(path);
  check_writable(path);
  if (format == "dot") {
    write_output_file(path, diagram.dot);
  } else {
    // Drawn into "<path>.tmp" and renamed when whole, like every other
    // output (common/output_file.hpp): a failed or killed drawing never
    // leaves half a picture under the path.
    const std::string temporary = path + ".tmp";
    std::error_code error;
    try {
      render_dot(diagram.dot, diagram.engine, format, temporary);
      // Graphviz reports success for a file it could not create; trust the disk.
      if (!std::filesystem::is_regular_file(temporary, error)) {
        throw IoError(fmt::format("{}: Graphviz wrote nothing", path));
      }
      std::filesystem::rename(temporary, path, error);
      if (error) throw IoError(fmt::format("{}: cannot write: {}", path, error.message()));
    } catch (const IoError&) {
      std::filesystem::remove(temporary, error);
      throw;
    } catch (const Error& e) {
      std::filesystem::remove(temporary, error);
      std::string message = e.what();  // Graphviz's failure, naming the file drawn into
      if (message.starts_with(temporary)) message.replace(0, temporary.size(), path);
      throw Error(message);
    } catch (...) {
      std::filesystem::remove(temporary, error);
      throw;
    }
  }
  spdlog::debug("diagram {}: {} entities, {} links, layout {}", path, diagram.entities, diagram.links,
                diagram.engine);
}

}  // namespace ng::graph::network
