#include "graph/network/dot_writer.hpp"

#include <boost/graph/graphviz.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

#include "common/unicode.hpp"
#include "graph/network/graphml.hpp"

namespace ng::graph::network {

namespace {

// What write_graphviz_dp writes for each node and edge.
struct DrawNode {
  std::string id, label, tooltip, shape, style, fillcolor, color, fontsize, penwidth, width, height, fixedsize;
};
struct DrawEdge {
  std::string label, tooltip, color, style, dir, penwidth, arrowsize, fontsize, fontcolor;
};
using DrawGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DrawNode, DrawEdge>;

struct TypeStyle {
  const char* shape;
  const char* style;
  const char* fill;
  const char* border;
};

TypeStyle type_style(EntityType type) {
  switch (type) {
    case EntityType::Person: return {"ellipse", "filled", "#a6d8f5", "#2b7bb9"};
    case EntityType::Organization: return {"box", "rounded,filled", "#f5cf80", "#b07800"};
    case EntityType::Place: return {"hexagon", "filled", "#8fd9bf", "#00785a"};
  }
  return {"ellipse", "filled", "#dddddd", "#777777"};
}

constexpr const char* kSpeechColour = "#333333";
constexpr const char* kMentionColour = "#b0b0b0";
constexpr const char* kRoleColour = "#0072b2";

std::string number(double value) { return fmt::format("{:.2f}", value); }

// The values with a separator between them.
std::string join(const std::vector<std::string>& values, std::string_view separator) {
  return fmt::to_string(fmt::join(values, separator));
}

// Whether the statements on an edge go u -> v, v -> u, or both ways.
std::pair<bool, bool> speech_directions(const Network& net, const Edge e) {
  const NetworkGraph& g = net.graph;
  const std::string& u = g[boost::source(e, g)].iri;
  bool forward = false;
  bool backward = false;
  for (const Evidence& ev : g[e].evidence) {
    if (ev.speaker == u) forward = true;
    else backward = true;
  }
  return {forward, backward};
}

DrawEdge draw_edge(const Network& net, const Edge e, const DotOptions& options) {
  const bool dense = options.faint_edges;
  const NetworkEdge& p = net.graph[e];
  DrawEdge d;
  // Line width grows with the log of the weight: one statement is a hairline
  // in a dense drawing, a hundred are not a wall of ink.
  const double width = dense ? std::min(3.0, 0.3 + 0.5 * std::log2(std::max(1.0, p.weight)))
                             : std::min(6.0, 1.0 + std::log2(std::max(1.0, p.weight)));
  d.penwidth = number(width);
  d.arrowsize = dense ? "0.4" : "0.7";
  d.fontsize = "11";
  d.dir = "forward";
  std::vector<std::string> tip;
  if ((p.kinds & kSpeaksAbout) != 0U) {
    d.color = dense ? "#33333340" : kSpeechColour;
    d.fontcolor = kSpeechColour;
    d.style = "solid";
    const auto [forward, backward] = speech_directions(net, e);
    d.dir = forward && backward ? "both" : backward ? "back" : "forward";
    const std::string verbs = p.verbs.empty() ? std::string("spoke about") : join(p.verbs, "/");
    if (options.edge_labels) d.label = p.statements > 1 ? fmt::format("{} ×{}", verbs, p.statements) : verbs;
    tip.push_back(fmt::format("{} statement{}", p.statements, p.statements == 1 ? "" : "s"));
  } else if ((p.kinds & kAffiliation) != 0U) {
    d.color = kRoleColour;
    d.fontcolor = kRoleColour;
    d.style = "solid";
    if (options.edge_labels) d.label = join(p.roles, ", ");
  } else {
    d.color = dense ? "#9a9a9a30" : kMentionColour;
    d.fontcolor = kMentionColour;
    d.style = "dashed";
    d.dir = "none";
    if (options.edge_labels && p.articles > 1) d.label = fmt::format("×{}", p.articles);
  }
  if ((p.kinds & kAffiliation) != 0U && (p.kinds & kSpeaksAbout) != 0U && options.edge_labels && !p.roles.empty()) {
    d.label += "; " + join(p.roles, ", ");
  }
  if (!net.directed() && (p.kinds & kSpeaksAbout) == 0U) d.dir = "none";
  if ((p.kinds & kCoMention) != 0U) tip.push_back(fmt::format("{} shared article{}", p.articles, p.articles == 1 ? "" : "s"));
  if (!p.roles.empty()) tip.push_back("role: " + join(p.roles, ", "));
  d.label = dot_label(d.label, 24);
  d.tooltip = dot_label(join(tip, "; "));
  return d;
}

// The legend: a one-row HTML-like table (Graphviz draws it under the graph
// in every layout engine, unlike a cluster, which only dot and fdp place).
// Edge kinds the view cannot have are left out.
std::string legend(const std::string& title, NetworkView view, bool clusters) {
  const auto cell = [](EntityType type, std::string_view name, std::string_view shape) {
    const TypeStyle s = type_style(type);
    return fmt::format("<TD BGCOLOR=\"{}\" COLOR=\"{}\">{} ({})</TD>", s.fill, s.border, name, shape);
  };
  const auto key = [](const char* colour, std::string_view text) {
    return fmt::format("<TD BORDER=\"0\"><FONT COLOR=\"{}\">{}</FONT></TD>", colour, text);
  };
  std::string cells = cell(EntityType::Person, "Person", "ellipse") +
                      cell(EntityType::Organization, "Organization", "box") +
                      cell(EntityType::Place, "Place", "hexagon");
  std::size_t columns = 3;
  std::string widths = "line width: ";
  if (view == NetworkView::SpeaksAbout || view == NetworkView::Combined) {
    cells += key(kSpeechColour, "&#8594; speaks about");
    widths += "statements";
    ++columns;
  }
  if (view == NetworkView::CoMention || view == NetworkView::Combined) {
    cells += key(kMentionColour, "- - named in the same article");
    widths += view == NetworkView::Combined ? " or shared articles" : "shared articles";
    ++columns;
  }
  if (view == NetworkView::Affiliation || view == NetworkView::Combined) {
    cells += key(kRoleColour, "&#8594; holds a role in");
    if (view == NetworkView::Affiliation) widths += "roles";
    ++columns;
  }
  std::string out = "label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"3\" CELLPADDING=\"3\">";
  out += fmt::format("<TR><TD COLSPAN=\"{}\" BORDER=\"0\"><B>{}</B></TD></TR><TR>{}</TR>", columns, xml_escape(title),
                     cells);
  out += fmt::format("<TR><TD COLSPAN=\"{}\" BORDER=\"0\"><FONT POINT-SIZE=\"10\">node size: PageRank; {}{}</FONT></TD>"
                     "</TR></TABLE>>;\n",
                     columns, widths, clusters ? "; grey boxes: communities" : "");
  return out + "labelloc=b;\nlabeljust=c;\n";
}

}  // namespace

std::string dot_label(std::string_view text, std::size_t wrap) {
  std::string out;
  std::size_t column = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = i;
    const char32_t cp = next_code_point(text, i);
    if (cp == U'\n') {
      out += "\\n";
      column = 0;
      continue;
    }
    if (cp < 0x20 || cp == 0x7f) continue;  // Graphviz would pass them into SVG, where XML forbids them
    if (cp == U' ' && wrap > 0 && column >= wrap) {
      out += "\\n";
      column = 0;
      continue;
    }
    if (cp == U'\\') out += "\\\\";
    else if (cp == U'&') out += "&amp;";
    else out.append(text.substr(begin, i - begin));
    ++column;
  }
  return out;
}

std::string to_dot(const Network& net, const DotOptions& options) {
  const NetworkGraph& g = net.graph;
  const std::size_t n = net.vertex_count();
  const bool some_labels = options.labelled > 0 && options.labelled < n;
  double max_rank = 0;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    max_rank = std::max(max_rank, g[v].metrics.page_rank);
  }
  // Rank order decides who gets a label when not all do.
  std::vector<Vertex> order(n);
  std::iota(order.begin(), order.end(), Vertex{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](Vertex a, Vertex b) { return g[a].metrics.page_rank > g[b].metrics.page_rank; });
  std::vector<bool> labelled(n, !some_labels);
  for (std::size_t i = 0; some_labels && i < options.labelled; ++i) labelled[order[i]] = true;
  if (options.focus) labelled[*options.focus] = true;

  DrawGraph draw;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const NetworkVertex& p = g[v];
    const TypeStyle s = type_style(p.type);
    // sqrt: area, not radius, grows with rank, so hubs do not swamp the page.
    const double share = max_rank > 0 ? std::sqrt(p.metrics.page_rank / max_rank) : 0.0;
    DrawNode d;
    d.id = fmt::format("n{}", v);
    d.tooltip = dot_label(fmt::format("{} ({}), PageRank {:.4f}", p.label, ontology::to_string(p.type),
                                      p.metrics.page_rank));
    d.shape = s.shape;
    d.style = s.style;
    d.fillcolor = s.fill;
    d.color = s.border;
    d.penwidth = options.focus && *options.focus == v ? "4" : "1";
    if (labelled[v]) {
      d.label = dot_label(p.label, 18);
      d.fontsize = number(some_labels ? 11 + 13 * share : 10 + 12 * share);
      d.width = "0.3";
      d.height = "0.2";
      d.fixedsize = "false";
    } else {
      d.label = "";
      d.fontsize = "8";
      d.width = d.height = number(0.12 + 0.45 * share);
      d.fixedsize = "true";
    }
    boost::add_vertex(d, draw);
  }
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    boost::add_edge(boost::source(e, g), boost::target(e, g), draw_edge(net, e, options), draw);
  }

  boost::dynamic_properties dp;
  dp.property("node_id", boost::get(&DrawNode::id, draw));
  dp.property("label", boost::get(&DrawNode::label, draw));
  dp.property("tooltip", boost::get(&DrawNode::tooltip, draw));
  dp.property("shape", boost::get(&DrawNode::shape, draw));
  dp.property("style", boost::get(&DrawNode::style, draw));
  dp.property("fillcolor", boost::get(&DrawNode::fillcolor, draw));
  dp.property("color", boost::get(&DrawNode::color, draw));
  dp.property("fontsize", boost::get(&DrawNode::fontsize, draw));
  dp.property("penwidth", boost::get(&DrawNode::penwidth, draw));
  dp.property("width", boost::get(&DrawNode::width, draw));
  dp.property("height", boost::get(&DrawNode::height, draw));
  dp.property("fixedsize", boost::get(&DrawNode::fixedsize, draw));
  dp.property("label", boost::get(&DrawEdge::label, draw));
  dp.property("tooltip", boost::get(&DrawEdge::tooltip, draw));
  dp.property("color", boost::get(&DrawEdge::color, draw));
  dp.property("style", boost::get(&DrawEdge::style, draw));
  dp.property("dir", boost::get(&DrawEdge::dir, draw));
  dp.property("penwidth", boost::get(&DrawEdge::penwidth, draw));
  dp.property("arrowsize", boost::get(&DrawEdge::arrowsize, draw));
  dp.property("fontsize", boost::get(&DrawEdge::fontsize, draw));
  dp.property("fontcolor", boost::get(&DrawEdge::fontcolor, draw));
  using GraphKey = DrawGraph*;
  const auto graph_attribute = [&](const char* name, std::string value) {
    dp.property(name, boost::make_constant_property<GraphKey>(std::move(value)));
  };
  graph_attribute("layout", options.engine);
  graph_attribute("fontname", "DejaVu Sans");
  graph_attribute("bgcolor", "white");
  graph_attribute("pad", "0.3");
  graph_attribute("outputorder", "edgesfirst");
  graph_attribute("fontsize", some_labels ? "18" : "14");
  if (options.engine == "dot") {
    graph_attribute("rankdir", "LR");
    graph_attribute("nodesep", "0.25");
    graph_attribute("ranksep", "0.6");
    graph_attribute("newrank", "true");
  } else if (options.engine == "fdp") {
    // Not prism: with fdp's clusters, Graphviz 2.43's prism overlap removal
    // gives a different picture on every run, and the README promises
    // byte-identical files for the same input. Scaling keeps fdp's layout
    // and is deterministic.
    graph_attribute("overlap", "scale");
    graph_attribute("splines", options.splines ? "true" : "false");
    graph_attribute("sep", "+6");
    graph_attribute("esep", "+3");
  } else {
    graph_attribute("overlap", some_labels ? "prism" : "prism1000");
    graph_attribute("overlap_scaling", some_labels ? "-4" : "-2");
    graph_attribute("splines", options.splines ? "true" : "false");
    graph_attribute("sep", "+6");
    graph_attribute("esep", "+3");
  }
  if (options.engine == "sfdp") graph_attribute("repulsiveforce", "1.5");


  std::ostringstream written;
  boost::write_graphviz_dp(written, draw, dp, "node_id");
  std::string dot = written.str();

  // write_graphviz_dp has no defaults block, clusters or HTML labels: add
  // them. Defaults only apply to nodes declared after them: they go first.
  const auto opening = dot.find('\n');
  dot.insert(opening == std::string::npos ? dot.size() : opening + 1,
             "node [fontname=\"DejaVu Sans\"];\nedge [fontname=\"DejaVu Sans\"];\n");
  std::string extra = legend(options.title, net.view(), options.clusters);
  if (options.clusters) {
    std::map<std::size_t, std::vector<Vertex>> communities;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) communities[g[v].metrics.community].push_back(v);
    for (const auto& [community, members] : communities) {
      if (members.size() < 3) continue;  // a box around one or two entities only adds noise
      extra += fmt::format("subgraph cluster_c{} {{\nlabel=\"community {}\";\nfontsize=10;\nfontcolor=\"#888888\";\n"
                           "style=\"rounded,filled\";\nfillcolor=\"#f6f6f6\";\ncolor=\"#dddddd\";\n",
                           community, community);
      for (const Vertex v : members) extra += fmt::format("n{};\n", v);
      extra += "}\n";
    }
  }
  const auto close = dot.rfind('}');
  dot.insert(close == std::string::npos ? dot.size() : close, extra);
  return dot;
}

}  // namespace ng::graph::network
