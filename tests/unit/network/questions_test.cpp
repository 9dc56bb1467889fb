#include <algorithm>
#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "graph/network/neighbourhood.hpp"
#include "graph/network/questions.hpp"
#include "graph/network/views.hpp"
#include "network_test_support.hpp"

using namespace ng::graph::network;
using namespace ng::network_test;

namespace {

ng::graph::Store harbour() {
  auto store = memory_store();
  store.add(harbour_story());
  return store;
}

}  // namespace

TEST_CASE("a copied network still finds its links and their evidence", "[network][views]") {
  // Regression: adjacency_list has no move constructor, so returning a
  // Network copied the graph and left the pair index pointing at freed edges.
  const auto store = harbour();
  const ng::graph::network::Network original = ng::graph::network::build_view(store, NetworkView::Combined);
  const ng::graph::network::Network copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
  const auto ada = copy.find(person("ada_quill"));
  const auto boris = copy.find(person("boris_tamm"));
  const auto links = ng::graph::network::links_between(copy, *ada, *boris);
  REQUIRE(links.size() == 1);
  CHECK(copy.graph[links[0]].evidence.size() == 4);
}

TEST_CASE("a path between two entities shows each hop with its statements and articles", "[network][path]") {
  const auto store = harbour();
  const PathAnswer answer = find_paths(store, "dora pike", "Ada Quill");
  CHECK(answer.from.iri == person("dora_pike"));
  REQUIRE_FALSE(answer.chains.empty());
  // Dora - Port Ember - Ada, or Dora - Ciro Vell - Ada: two hops either way.
  CHECK(answer.chains.size() == 2);
  for (const auto& chain : answer.chains) CHECK(chain.size() == 2);
  bool titled = false;
  for (const auto& chain : answer.chains) {
    for (const auto& hop : chain) {
      for (const auto& ev : hop.evidence) titled |= ev.source_title == "Ferry timetable changes";
    }
  }
  CHECK(titled);
}

TEST_CASE("a statement on a hop is quoted with its speaker, verb and article", "[network][path]") {
  const auto store = harbour();
  const PathAnswer answer = find_paths(store, "Boris Tamm", person("ada_quill"));
  REQUIRE(answer.chains.size() == 1);
  REQUIRE(answer.chains[0].size() == 1);
  const auto& evidence = answer.chains[0][0].evidence;
  const auto said = [&](const std::string& speaker, const std::string& about, const std::string& text) {
    return std::any_of(evidence.begin(), evidence.end(), [&](const HopEvidence& ev) {
      return ev.kind == HopEvidence::Kind::Statement && ev.speaker == speaker && ev.about == about && ev.text == text;
    });
  };
  CHECK(said("Boris Tamm", "Ada Quill", "Ms Quill has no mandate."));
  CHECK(said("Ada Quill", "Boris Tamm", "The strike will go on until Tamm listens."));
  // Four statements, three shown.
  CHECK(std::any_of(evidence.begin(), evidence.end(), [](const HopEvidence& ev) {
    return ev.kind == HopEvidence::Kind::MoreStatements && ev.count == 1;
  }));
}

TEST_CASE("an alias finds an entity and an unknown name is an error", "[network][path]") {
  const auto store = harbour();
  const PathAnswer answer = find_paths(store, "QUILL", "Harbour Guild");
  CHECK(answer.from.label == "Ada Quill");
  REQUIRE(answer.chains.size() == 1);
  const auto& evidence = answer.chains[0][0].evidence;
  CHECK(std::any_of(evidence.begin(), evidence.end(), [](const HopEvidence& ev) {
    return ev.kind == HopEvidence::Kind::Role && ev.member == "Ada Quill" && ev.organization == "Harbour Guild" &&
           ev.roles == std::vector<std::string>{"chair"};
  }));
  CHECK_THROWS_AS(find_paths(store, "Nobody Here", "Ada Quill"), ng::Error);
}

TEST_CASE("entities in different parts of a view are reported as not linked", "[network][path]") {
  const auto store = harbour();
  PathOptions options;
  options.view = NetworkView::Affiliation;
  const PathAnswer answer = find_paths(store, "Ada Quill", "Boris Tamm", options);
  CHECK(answer.chains.empty());
}

TEST_CASE("top ranks entities by the chosen measure and type", "[network][top]") {
  const auto store = harbour();
  TopOptions options;
  options.by = TopMetric::Statements;
  options.count = 2;
  const auto rows = top_entities(store, options);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].entity.label == "Boris Tamm");
  CHECK(rows[0].value == 3);
  options.by = TopMetric::PageRank;
  options.type = ng::ontology::EntityType::Place;
  const auto places = top_entities(store, options);
  REQUIRE(places.size() == 1);
  CHECK(places[0].entity.label == "Port Ember");
  CHECK(parse_top_metric("betweenness") == TopMetric::Betweenness);
  CHECK_FALSE(parse_top_metric("fame"));
}

TEST_CASE("ego lists who is within reach, nearest first, and through whom", "[network][ego]") {
  const auto store = harbour();
  EgoOptions options;
  options.hops = 2;
  options.view = NetworkView::SpeaksAbout;
  const EgoAnswer answer = ego_network(store, "Port Ember", options);
  CHECK(answer.center.label == "Port Ember");
  REQUIRE(answer.rows.size() == 2);
  CHECK(answer.rows[0].entity.label == "Ada Quill");
  CHECK(answer.rows[0].distance == 1);
  CHECK(answer.rows[1].entity.label == "Boris Tamm");
  CHECK(answer.rows[1].via.label == "Ada Quill");
  CHECK(answer.rows[1].link.statements == 4);
  CHECK(answer.rows[1].link.shared_articles == 0);
}
