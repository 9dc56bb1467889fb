#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>
#include <vector>

#include "graph/network/csr.hpp"
#include "graph/network/metrics_output.hpp"
#include "graph/network/neighbourhood.hpp"
#include "graph/network/page_rank.hpp"
#include "graph/network/view_links.hpp"
#include "graph/network/views.hpp"
#include "network_test_support.hpp"

using namespace ng::graph::network;
using namespace ng::network_test;

namespace {

Network view_of(const std::vector<Quad>& quads, ng::graph::network::NetworkView view) {
  auto store = memory_store();
  store.add(quads);
  return build_view(store, view);
}

const NetworkEdge& link(const Network& net, const std::string& from, const std::string& to) {
  const auto u = net.find(from);
  const auto v = net.find(to);
  REQUIRE(u);
  REQUIRE(v);
  const auto [e, found] = boost::edge(*u, *v, net.graph);
  if (found) return net.graph[e];
  REQUIRE_FALSE(net.directed());
  const auto [back, found_back] = boost::edge(*v, *u, net.graph);
  REQUIRE(found_back);
  return net.graph[back];
}

bool linked(const Network& net, const std::string& from, const std::string& to) {
  const auto u = net.find(from);
  const auto v = net.find(to);
  if (!u || !v) return false;
  return boost::edge(*u, *v, net.graph).second || (!net.directed() && boost::edge(*v, *u, net.graph).second);
}

// Every edge of a view, in its order, with what the algorithms read
// (`details`: and what the diagram draws).
std::vector<std::string> edge_lines(const Network& net, bool details) {
  std::vector<std::string> lines;
  const NetworkGraph& g = net.graph;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    std::string line = g[boost::source(e, g)].iri + " " + g[boost::target(e, g)].iri + " " +
                       std::to_string(g[e].weight) + " " + std::to_string(g[e].kinds) + " " +
                       std::to_string(g[e].statements) + " " + std::to_string(g[e].articles) + " " +
                       std::to_string(g[e].sentences);
    for (const auto& role : g[e].roles) line += " role:" + role;
    if (details) {
      for (const auto& verb : g[e].verbs) line += " verb:" + verb;
      for (const auto& source : g[e].sources) line += " source:" + source;
      for (const auto& shared : g[e].shared_articles) line += " shared:" + shared;
      for (const auto& ev : g[e].evidence) line += " evidence:" + ev.statement + "|" + ev.text + "|" + ev.about;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<std::string> vertex_lines(const Network& net) {
  std::vector<std::string> lines;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(net.graph))) {
    const NetworkVertex& p = net.graph[v];
    std::string line = p.iri + " " + p.label + " " + std::to_string(static_cast<int>(p.type)) + " " +
                       std::to_string(p.statements);
    for (const auto& alias : p.aliases) line += " alias:" + alias;
    lines.push_back(std::move(line));
  }
  return lines;
}

// The harbour story with a second statement, in which Zoe quotes Mira and
// the traders: links made more than once.
void add_second_statement(QuadWriter& w) {
  const std::string a = article("harbour_strike");
  w.entity(person("zoe"), v::schema::kPerson, "Zoe Brandt", a);
  w.statement(a, 7, person("zoe"), {person("mira"), organization("dragon")}, "Quoted twice.");
  w.entity(person("mira"), v::schema::kPerson, "Mira Lis", a);
  w.entity(organization("dragon"), v::schema::kOrganization, "Dragon Gate Traders", a);
}

// The harbour story with a second statement and a second article, so that
// every view has links of each kind and links made more than once.
ng::graph::Store busy_store() {
  auto quads = harbour_story();
  QuadWriter w;
  add_second_statement(w);
  const std::string b = w.news("dock_talks", "Talks at the docks",
                                {person("mira"), person("zoe"), organization("dragon"), person("ada_quill")});
  w.membership(b, person("zoe"), "envoy", organization("dragon"));
  w.membership(b, person("zoe"), "adviser", organization("dragon"));
  w.sentence(b, 0, {person("mira"), person("zoe")});
  w.entity(person("mira"), v::schema::kPerson, "Mira Lis", b);
  w.entity(person("zoe"), v::schema::kPerson, "Zoe Brandt", b);
  w.entity(organization("dragon"), v::schema::kOrganization, "Dragon Gate Traders", b);
  w.statement(b, 1, person("mira"), {person("zoe")}, "We met at the docks.");
  w.statement(b, 2, person("zoe"), {person("mira"), organization("dragon")}, "The talks went well.");
  quads.insert(quads.end(), w.quads.begin(), w.quads.end());
  auto store = memory_store();
  store.add(quads);
  return store;
}

}  // namespace

TEST_CASE("a view's links are its edges, weights and link counts in the view's order, and rank the same",
          "[network][views]") {
  auto store = busy_store();
  for (const NetworkView view :
       {NetworkView::SpeaksAbout, NetworkView::CoMention, NetworkView::Affiliation, NetworkView::Combined}) {
    INFO(view_name(view));
    const StoreFacts facts = read_facts(store, facts_for(view));
    const Network whole = build_view(facts, view);
    REQUIRE(whole.edge_count() >= 2);
    const ViewLinks links = view_links(facts, view);
    CHECK(links.directed == whole.directed());
    REQUIRE(links.vertex_count() == whole.vertex_count());
    for (Vertex v = 0; v < whole.vertex_count(); ++v) {
      CHECK(links.iris[v] == whole.graph[v].iri);
      CHECK(links.links[v] == link_count(whole, v));
    }
    const std::vector<WeightedEdge> edges = weighted_edges(whole);
    REQUIRE(links.edges.size() == edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
      CHECK(links.edges[i].source == edges[i].source);
      CHECK(links.edges[i].target == edges[i].target);
      CHECK(links.edges[i].weight == edges[i].weight);
    }
    // Bit for bit: the diagram's sizes and order come from these numbers.
    CHECK(page_rank(walk_graph(links)).ranks == page_rank(walk_graph(whole)).ranks);
  }
}

TEST_CASE("a view without sources has the same links and evidence, and no sources or shared articles",
          "[network][views]") {
  auto store = busy_store();
  const StoreFacts facts = read_facts(store, facts_for(NetworkView::Combined));
  const Network full = build_view(facts, NetworkView::Combined);
  const Network bare = build_view(facts, NetworkView::Combined, ViewOptions{true, nullptr, false});
  CHECK(vertex_lines(bare) == vertex_lines(full));
  REQUIRE(bare.edge_count() == full.edge_count());
  for (const Edge e : boost::make_iterator_range(boost::edges(bare.graph))) {
    CHECK(bare.graph[e].sources.empty());
    CHECK(bare.graph[e].shared_articles.empty());
  }
  Network stripped = full;
  for (const Edge e : boost::make_iterator_range(boost::edges(stripped.graph))) {
    stripped.graph[e].sources.clear();
    stripped.graph[e].shared_articles.clear();
  }
  CHECK(edge_lines(bare, true) == edge_lines(stripped, true));
}

TEST_CASE("facts read without sentences are the same facts with no sentence co-mentions", "[network][views]") {
  auto store = busy_store();
  const StoreFacts all = read_facts(store);
  const StoreFacts some = read_facts(store, kAllFacts & ~unsigned{kSentenceFacts});
  CHECK_FALSE(all.sentence_mentions.empty());
  CHECK(some.sentence_mentions.empty());
  CHECK(some.article_mentions == all.article_mentions);
  CHECK(some.memberships == all.memberships);
  CHECK(some.source_titles == all.source_titles);
  REQUIRE(some.statements.size() == all.statements.size());
  for (std::size_t i = 0; i < all.statements.size(); ++i) {
    CHECK(some.statements[i].iri == all.statements[i].iri);
    CHECK(some.statements[i].about == all.statements[i].about);
    CHECK(some.statements[i].text == all.statements[i].text);
  }
}

TEST_CASE("a view without details has the whole view's links and weights; a view of some entities is their "
          "subnetwork of the whole view, details and order included",
          "[network][views]") {
  auto quads = harbour_story();
  QuadWriter w;
  add_second_statement(w);
  quads.insert(quads.end(), w.quads.begin(), w.quads.end());
  auto store = memory_store();
  store.add(quads);
  for (const NetworkView view :
       {NetworkView::SpeaksAbout, NetworkView::CoMention, NetworkView::Affiliation, NetworkView::Combined}) {
    INFO(view_name(view));
    const StoreFacts facts = read_facts(store, facts_for(view));
    const Network whole = build_view(facts, view);
    REQUIRE(whole.vertex_count() >= 2);
    const Network light = build_view(facts, view, ViewOptions{false, nullptr});
    CHECK(vertex_lines(light) == vertex_lines(whole));
    CHECK(edge_lines(light, false) == edge_lines(whole, false));

    // Every other entity, and the first.
    std::vector<Vertex> keep;
    std::unordered_set<std::string> iris;
    for (Vertex v = 0; v < whole.vertex_count(); v += 2) {
      keep.push_back(v);
      iris.insert(whole.graph[v].iri);
    }
    const Network part = build_view(facts, view, ViewOptions{true, &iris});
    const Network cut = subnetwork(whole, keep);
    CHECK(part.vertex_count() == keep.size());
    CHECK(vertex_lines(part) == vertex_lines(cut));
    CHECK(edge_lines(part, true) == edge_lines(cut, true));
  }
}

TEST_CASE("a statement links its speaker to each entity it is about, weighted by statements", "[network][views]") {
  const Network net = view_of(harbour_story(), ng::graph::network::NetworkView::SpeaksAbout);
  CHECK(net.directed());
  CHECK(net.vertex_count() == 4);  // Ada, Boris, Dora (speaks about nobody), Port Ember
  CHECK(net.edge_count() == 3);
  const NetworkEdge& boris_ada = link(net, person("boris_tamm"), person("ada_quill"));
  CHECK(boris_ada.weight == 3);
  CHECK(boris_ada.statements == 3);
  CHECK(boris_ada.verbs == std::vector<std::string>{"added", "replied", "said"});
  REQUIRE(boris_ada.evidence.size() == 3);
  // Evidence in statement IRI order: the budget vote's two, then the strike's.
  CHECK(boris_ada.evidence[0].text == "Ms Quill has no mandate.");
  CHECK(boris_ada.evidence[2].text == "Quill wants headlines, not wages.");
  CHECK(boris_ada.evidence[2].source == article("harbour_strike"));
  CHECK(boris_ada.evidence[2].speaker == person("boris_tamm"));
  CHECK(net.graph[boost::graph_bundle].source_titles.at(article("budget_vote")) == "Budget vote delayed");
  CHECK(link(net, person("ada_quill"), person("boris_tamm")).weight == 1);
  CHECK(link(net, person("ada_quill"), place("port_ember")).weight == 1);
}

TEST_CASE("a speaker is a vertex even when their statements are about nobody", "[network][views]") {
  const Network net = view_of(harbour_story(), ng::graph::network::NetworkView::SpeaksAbout);
  const auto dora = net.find(person("dora_pike"));
  REQUIRE(dora);
  CHECK(net.graph[*dora].statements == 1);
  CHECK(boost::out_degree(*dora, net.graph) == 0);
  CHECK(net.graph[*net.find(person("boris_tamm"))].statements == 3);
}

TEST_CASE("speaking about oneself and speakers who are not entities are left out", "[network][views]") {
  const Network net = view_of(harbour_story(), ng::graph::network::NetworkView::SpeaksAbout);
  CHECK_FALSE(linked(net, person("boris_tamm"), person("boris_tamm")));
  CHECK_FALSE(net.find(kBase + "unknown/voice"));
}

TEST_CASE("entities named in the same article are linked once per article", "[network][views]") {
  const Network net = view_of(harbour_story(), ng::graph::network::NetworkView::CoMention);
  CHECK_FALSE(net.directed());
  CHECK(net.vertex_count() == 7);
  CHECK(net.edge_count() == 6 + 6 + 3 - 1);  // Ada and Boris share two articles
  const NetworkEdge& ada_boris = link(net, person("ada_quill"), person("boris_tamm"));
  CHECK(ada_boris.weight == 2);
  CHECK(ada_boris.articles == 2);
  CHECK(ada_boris.sentences == 2);
  CHECK(ada_boris.sources == std::vector<std::string>{article("budget_vote"), article("harbour_strike")});
  CHECK(link(net, organization("harbour_guild"), place("port_ember")).sentences == 1);
  CHECK(link(net, person("dora_pike"), place("port_ember")).sentences == 0);
  CHECK_FALSE(linked(net, person("dora_pike"), person("ada_quill")));
}

TEST_CASE("roles link a person to the organisation and the place of the role", "[network][views]") {
  const Network net = view_of(harbour_story(), ng::graph::network::NetworkView::Affiliation);
  CHECK(net.directed());
  CHECK(net.vertex_count() == 5);
  const NetworkEdge& chair = link(net, person("ada_quill"), organization("harbour_guild"));
  CHECK(chair.roles == std::vector<std::string>{"chair"});
  CHECK(chair.weight == 1);
  CHECK(link(net, person("ada_quill"), place("port_ember")).roles == std::vector<std::string>{"chair"});
  CHECK(link(net, person("boris_tamm"), organization("lumen_party")).roles == std::vector<std::string>{"leader"});
  CHECK_FALSE(linked(net, organization("harbour_guild"), person("ada_quill")));
}

TEST_CASE("the combined view merges the three relations into one undirected link per pair", "[network][views]") {
  const Network net = view_of(harbour_story(), ng::graph::network::NetworkView::Combined);
  CHECK_FALSE(net.directed());
  CHECK(net.vertex_count() == 7);
  const NetworkEdge& ada_boris = link(net, person("boris_tamm"), person("ada_quill"));
  CHECK(ada_boris.kinds == (kSpeaksAbout | kCoMention));
  CHECK(ada_boris.statements == 4);  // three one way, one the other
  CHECK(ada_boris.articles == 2);
  CHECK(ada_boris.weight == 6);
  const NetworkEdge& chair = link(net, person("ada_quill"), organization("harbour_guild"));
  CHECK(chair.kinds == (kCoMention | kAffiliation));
  CHECK(chair.weight == 2);
}

TEST_CASE("an entity named differently in two graphs keeps its longest name and is found by the others",
          "[network][views]") {
  auto quads = harbour_story();
  QuadWriter w;
  w.text(person("ada_quill"), v::schema::kName, "Ada", article("budget_vote"));
  quads.insert(quads.end(), w.quads.begin(), w.quads.end());
  const Network net = view_of(quads, ng::graph::network::NetworkView::SpeaksAbout);
  const NetworkVertex& ada = net.graph[*net.find(person("ada_quill"))];
  CHECK(ada.label == "Ada Quill");
  CHECK(ada.type == ng::ontology::EntityType::Person);
  CHECK(ada.aliases == std::vector<std::string>{"Ada", "Quill"});
}

TEST_CASE("views come out the same on every run", "[network][views]") {
  const Network a = view_of(harbour_story(), ng::graph::network::NetworkView::Combined);
  const Network b = view_of(harbour_story(), ng::graph::network::NetworkView::Combined);
  REQUIRE(a.vertex_count() == b.vertex_count());
  for (std::size_t v = 0; v < a.vertex_count(); ++v) CHECK(a.graph[v].iri == b.graph[v].iri);
  CHECK(a.graph[0].iri < a.graph[1].iri);
}

TEST_CASE("an empty store gives empty views", "[network][views]") {
  const Network net = view_of({}, ng::graph::network::NetworkView::Combined);
  CHECK(net.vertex_count() == 0);
  CHECK(net.edge_count() == 0);
}
