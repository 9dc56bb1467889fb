#include <catch2/catch.hpp>
#include <sstream>

#include "graph/network/graphml.hpp"
#include "graph/network/metrics.hpp"
#include "graph/network/metrics_output.hpp"
#include "graph/network/views.hpp"
#include "graph/sparql.hpp"
#include "network_test_support.hpp"

using namespace ng::graph::network;
using namespace ng::network_test;

namespace {

std::size_t quads_in(const ng::graph::Store& store, const std::string& graph_name) {
  std::size_t count = 0;
  store.for_each_quad([&](const Quad& q) { count += q.graph_name == graph_name ? 1 : 0; });
  return count;
}

}  // namespace

TEST_CASE("metrics are stored in a graph of their own that SPARQL can rank by", "[network][output]") {
  auto store = memory_store();
  store.add(harbour_story());
  Network net = build_view(store, ng::graph::network::NetworkView::Combined);
  analyse(net);
  const std::string name = metrics_graph_name(kBase, ng::graph::network::NetworkView::Combined);
  CHECK(name == kBase + "metrics/combined");
  const std::size_t written = store_metrics(store, net, kBase);
  CHECK(written == 1 + 9 * net.vertex_count());
  CHECK(quads_in(store, name) == written);

  const auto result = ng::graph::run_query(
      store, "SELECT ?who ?rank WHERE { ?who ng:pageRank ?rank } ORDER BY DESC(?rank)");
  REQUIRE(result.rows.size() == net.vertex_count());
  REQUIRE(result.rows[0][1]);
  CHECK(result.rows[0][1]->datatype == std::string(v::xsd::kDouble));
  double previous = 1.0;
  double total = 0;
  for (const auto& row : result.rows) {
    const double rank = std::stod(row[1]->value);
    CHECK(rank <= previous);
    previous = rank;
    total += rank;
  }
  CHECK_THAT(total, Catch::Matchers::WithinAbs(1.0, 1e-9));
  const auto cores = ng::graph::run_query(store, "SELECT ?who ?k WHERE { ?who ng:coreNumber ?k }");
  REQUIRE_FALSE(cores.rows.empty());
  CHECK(cores.rows[0][1]->datatype == std::string(v::xsd::kInteger));
}

TEST_CASE("storing metrics again replaces the earlier run and leaves article graphs alone", "[network][output]") {
  auto store = memory_store();
  store.add(harbour_story());
  const std::size_t before = store.size();
  Network net = build_view(store, ng::graph::network::NetworkView::SpeaksAbout);
  analyse(net);
  const std::size_t first = store_metrics(store, net, kBase);
  store_metrics(store, net, kBase);
  CHECK(store.size() == before + first);
  // A second view gets a graph of its own.
  Network mentions = build_view(store, ng::graph::network::NetworkView::CoMention);
  analyse(mentions);
  const std::size_t second = store_metrics(store, mentions, kBase);
  CHECK(store.size() == before + first + second);
  CHECK(store.has_graph(kBase + "metrics/speaks-about"));
  CHECK(store.has_graph(kBase + "metrics/co-mention"));
}

TEST_CASE("metrics.csv has one row per entity, most central first, quoted where needed", "[network][output]") {
  auto quads = harbour_story();
  QuadWriter w;
  w.text(organization("harbour_guild"), v::schema::kName, "Harbour Guild, \"Dockers\" branch", article("harbour_strike"));
  quads.insert(quads.end(), w.quads.begin(), w.quads.end());
  auto store = memory_store();
  store.add(quads);
  Network net = build_view(store, ng::graph::network::NetworkView::Combined);
  analyse(net);
  std::ostringstream out;
  write_metrics_csv(out, net);
  const std::string csv = out.str();
  CHECK(csv.starts_with("iri,label,type,statements,degree,in_degree,out_degree,weighted_in_degree,"
                        "weighted_out_degree,pagerank,betweenness,core_number,component,community\r\n"));
  CHECK(std::count(csv.begin(), csv.end(), '\n') == static_cast<long>(net.vertex_count() + 1));
  CHECK(csv.find("\"Harbour Guild, \"\"Dockers\"\" branch\"") != std::string::npos);
  // Ada Quill speaks, is spoken about and shares two articles with Boris: she ranks first.
  const auto first_row = csv.substr(csv.find("\r\n") + 2);
  CHECK(first_row.starts_with(person("ada_quill") + ",Ada Quill,Person,1,"));
}

TEST_CASE("GraphML escapes labels and says whether the view is directed", "[network][output]") {
  auto quads = harbour_story();
  QuadWriter w;
  w.text(organization("lumen_party"), v::schema::kName, "Lumen <Party> & \"Friends\"", article("budget_vote"));
  quads.insert(quads.end(), w.quads.begin(), w.quads.end());
  auto store = memory_store();
  store.add(quads);
  Network net = build_view(store, ng::graph::network::NetworkView::Affiliation);
  analyse(net);
  std::ostringstream out;
  write_graphml(out, net);
  const std::string xml = out.str();
  CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);
  CHECK(xml.find("Lumen &lt;Party&gt; &amp; &quot;Friends&quot;") != std::string::npos);
  CHECK(xml.find("<data key=\"roles\">leader</data>") != std::string::npos);
  CHECK(xml_escape(std::string("a\x01" "b\tc")) == "ab\tc");
}

TEST_CASE("analysis of an empty view reports nothing and does not fail", "[network][output]") {
  Network net;
  const AnalysisReport report = analyse(net);
  CHECK(report.vertices == 0);
  std::ostringstream out;
  write_metrics_csv(out, net);
  const std::string csv = out.str();
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1);
}
