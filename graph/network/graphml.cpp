#include "graph/network/graphml.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <fstream>

#include "common/error.hpp"
#include "common/output_file.hpp"

namespace ng::graph::network {

namespace {

// The values with a separator between them.
std::string join(const std::vector<std::string>& values, std::string_view separator) {
  return fmt::to_string(fmt::join(values, separator));
}

struct Key {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};

constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},
    {"iri", "node", "iri", "string"},
    {"type", "node", "type", "string"},
    {"statements", "node", "statements", "int"},
    {"in_degree", "node", "in_degree", "double"},
    {"out_degree", "node", "out_degree", "double"},
    {"weighted_in_degree", "node", "weighted_in_degree", "double"},
    {"weighted_out_degree", "node", "weighted_out_degree", "double"},
    {"pagerank", "node", "pagerank", "double"},
    {"betweenness", "node", "betweenness", "double"},
    {"core_number", "node", "core_number", "int"},
    {"component", "node", "component", "int"},
    {"community", "node", "community", "int"},
    {"weight", "edge", "weight", "double"},
    {"kinds", "edge", "kinds", "string"},
    {"edge_statements", "edge", "statements", "int"},
    {"articles", "edge", "articles", "int"},
    {"sentences", "edge", "sentences", "int"},
    {"verbs", "edge", "verbs", "string"},
    {"roles", "edge", "roles", "string"},
};

template <class T>
void data(std::ostream& out, std::string_view key, const T& value) {
  fmt::print(out, "      <data key=\"{}\">{}</data>\n", key, value);
}

void text(std::ostream& out, std::string_view key, std::string_view value) {
  if (!value.empty()) data(out, key, xml_escape(value));
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        out += c;
    }
  }
  return out;
}

std::string kinds_text(unsigned kinds) {
  std::vector<std::string> names;
  if ((kinds & kSpeaksAbout) != 0U) names.emplace_back("speaks-about");
  if ((kinds & kCoMention) != 0U) names.emplace_back("co-mention");
  if ((kinds & kAffiliation) != 0U) names.emplace_back("affiliation");
  return join(names, " ");
}

void write_graphml(std::ostream& out, const Network& net) {
  const NetworkGraph& g = net.graph;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& key : kKeys) {
    fmt::print(out, "  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>\n", key.id, key.domain, key.name,
               key.type);
  }
  fmt::print(out, "  <graph id=\"{}\" edgedefault=\"{}\">\n", view_name(net.view()),
             net.directed() ? "directed" : "undirected");
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const NetworkVertex& p = g[v];
    const Metrics& m = p.metrics;
    fmt::print(out, "    <node id=\"n{}\">\n", v);
    text(out, "label", p.label);
    text(out, "iri", p.iri);
    text(out, "type", ontology::to_string(p.type));
    data(out, "statements", p.statements);
    data(out, "in_degree", m.in_degree);
    data(out, "out_degree", m.out_degree);
    data(out, "weighted_in_degree", m.weighted_in_degree);
    data(out, "weighted_out_degree", m.weighted_out_degree);
    data(out, "pagerank", m.page_rank);
    data(out, "betweenness", m.betweenness);
    data(out, "core_number", m.core_number);
    data(out, "component", m.component);
    data(out, "community", m.community);
    out << "    </node>\n";
  }
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const NetworkEdge& p = g[e];
    fmt::print(out, "    <edge source=\"n{}\" target=\"n{}\">\n", boost::source(e, g), boost::target(e, g));
    data(out, "weight", p.weight);
    text(out, "kinds", kinds_text(p.kinds));
    data(out, "edge_statements", p.statements);
    data(out, "articles", p.articles);
    data(out, "sentences", p.sentences);
    text(out, "verbs", join(p.verbs, ", "));
    text(out, "roles", join(p.roles, ", "));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void write_graphml_file(const std::string& path, const Network& net) {
  OutputFile file(path);
  write_graphml(file.stream(), net);
  file.commit();
}

}  // namespace ng::graph::network
