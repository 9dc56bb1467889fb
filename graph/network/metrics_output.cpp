#include "graph/network/metrics_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <fstream>
#include <numeric>

#include "common/error.hpp"
#include "common/output_file.hpp"
#include "graph/store.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::network {

namespace {

namespace v = ontology::vocab;

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<Vertex> by_rank(const Network& net) {
  const NetworkGraph& g = net.graph;
  std::vector<Vertex> order(net.vertex_count());
  std::iota(order.begin(), order.end(), Vertex{0});
  std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
    if (g[a].metrics.page_rank != g[b].metrics.page_rank) return g[a].metrics.page_rank > g[b].metrics.page_rank;
    return g[a].iri < g[b].iri;
  });
  return order;
}

}  // namespace

std::size_t link_count(const Network& net, Vertex v) {
  return boost::out_degree(v, net.graph) + boost::in_degree(v, net.graph);
}

void write_metrics_csv(std::ostream& out, const Network& net) {
  const NetworkGraph& g = net.graph;
  out << "iri,label,type,statements,degree,in_degree,out_degree,weighted_in_degree,weighted_out_degree,pagerank,"
         "betweenness,core_number,component,community\r\n";
  for (const Vertex v : by_rank(net)) {
    const NetworkVertex& p = g[v];
    const Metrics& m = p.metrics;
    fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_field(p.iri), csv_field(p.label),
               ontology::to_string(p.type), p.statements, link_count(net, v), m.in_degree, m.out_degree,
               m.weighted_in_degree, m.weighted_out_degree, m.page_rank, m.betweenness, m.core_number, m.component,
               m.community);
  }
}

void write_metrics_csv_file(const std::string& path, const Network& net) {
  OutputFile file(path);
  write_metrics_csv(file.stream(), net);
  file.commit();
}

std::string metrics_graph_name(const std::string& base, NetworkView view) {
  std::string name = base;
  if (!name.empty() && name.back() != '/' && name.back() != '#') name += '/';
  return name + "metrics/" + std::string(view_name(view));
}

std::vector<ontology::Quad> metrics_quads(const Network& net, const std::string& graph_name) {
  using ontology::Term;
  const NetworkGraph& g = net.graph;
  std::vector<ontology::Quad> quads;
  quads.reserve(net.vertex_count() * 10 + 1);
  quads.push_back({Term::iri(graph_name), Term::iri(std::string(v::rdfs::kLabel)),
                   Term::literal(fmt::format("network metrics of the {} view", view_name(net.view())), {}, "en"),
                   graph_name});
  const auto real = [](double value) { return Term::literal(fmt::format("{}", value), std::string(v::xsd::kDouble)); };
  const auto integer = [](std::size_t value) {
    return Term::literal(std::to_string(value), std::string(v::xsd::kInteger));
  };
  for (const Vertex vertex : boost::make_iterator_range(boost::vertices(g))) {
    const NetworkVertex& p = g[vertex];
    const Metrics& m = p.metrics;
    const Term subject = Term::iri(p.iri);
    const auto add = [&](std::string_view predicate, Term object) {
      quads.push_back({subject, Term::iri(std::string(predicate)), std::move(object), graph_name});
    };
    add(v::newsgraph::kPageRank, real(m.page_rank));
    add(v::newsgraph::kBetweenness, real(m.betweenness));
    add(v::newsgraph::kInDegree, real(m.weighted_in_degree));
    add(v::newsgraph::kOutDegree, real(m.weighted_out_degree));
    add(v::newsgraph::kWeightedDegree,
        real(net.directed() ? m.weighted_in_degree + m.weighted_out_degree : m.weighted_in_degree));
    add(v::newsgraph::kDegree, integer(link_count(net, vertex)));
    add(v::newsgraph::kCoreNumber, integer(m.core_number));
    add(v::newsgraph::kComponent, integer(m.component));
    add(v::newsgraph::kCommunity, integer(m.community));
  }
  return quads;
}

std::size_t store_metrics(Store& store, const Network& net, const std::string& base) {
  const std::string graph_name = metrics_graph_name(base, net.view());
  const std::vector<ontology::Quad> quads = metrics_quads(net, graph_name);
  store.replace_graph(graph_name, quads);
  store.commit();
  return quads.size();
}

}  // namespace ng::graph::network
