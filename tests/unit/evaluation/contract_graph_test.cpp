#include <catch2/catch.hpp>

#include "evaluation/contract_graph.hpp"
#include "evaluation_test_support.hpp"

using namespace ng::evaluation;
using namespace ng::evaluation::test;

namespace {

std::vector<std::string> values(const ContractGraph& graph, const std::vector<NodeId>& nodes) {
  std::vector<std::string> out;
  for (const NodeId n : nodes) out.push_back(graph.term(n).value);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("an article is found by its url, IRI, identifier or source, with or without .txt", "[evaluation][graph]") {
  const ContractGraph graph = graph_of(R"(
    ex:by_url a schema:NewsArticle ; schema:url <file:///news/2024/ferry_strike.txt> .
    <http://ex.test/article/tram_fares> a schema:Article .
    ex:by_identifier a schema:CreativeWork ; schema:identifier "dam_vote" .
    ex:by_source a schema:OpinionNewsArticle ; dcterms:source "archive:bridge_toll.txt" .
    ex:not_an_article schema:url <file:///news/lost_dog.txt> .
  )");
  CHECK(values(graph, graph.articles_for("ferry_strike.txt")) == Strings{"http://ex.test/by_url"});
  CHECK(values(graph, graph.articles_for("tram_fares.txt")) == Strings{"http://ex.test/article/tram_fares"});
  CHECK(values(graph, graph.articles_for("dam_vote.txt")) == Strings{"http://ex.test/by_identifier"});
  CHECK(values(graph, graph.articles_for("bridge_toll.txt")) == Strings{"http://ex.test/by_source"});
  CHECK(graph.articles_for("lost_dog.txt").empty());  // not typed as an article
}

TEST_CASE("a file name must not be the tail of a longer word", "[evaluation][graph]") {
  const ContractGraph graph = graph_of(R"(
    ex:one a schema:NewsArticle ; schema:url "https://ex.test/x/ferry_strike.txt" .
    ex:two a schema:NewsArticle ; schema:url "https://ex.test/x/bigferry_strike.txt" .
    ex:three a schema:NewsArticle ; schema:identifier "2024_ferry_strike" .
    ex:four a schema:NewsArticle ; schema:identifier "ferry_strike" .
    ex:five a schema:NewsArticle ; schema:identifier "éferry_strike" .
  )");
  auto found = values(graph, graph.articles_for("ferry_strike.txt"));
  std::sort(found.begin(), found.end());
  // "_" is not a letter or digit: "2024_ferry_strike" ends with the name; "é" is a letter.
  CHECK(found == Strings{"http://ex.test/four", "http://ex.test/one", "http://ex.test/three"});
}

TEST_CASE("https://schema.org/ reads as http://schema.org/", "[evaluation][graph]") {
  const ContractGraph graph = graph_of(R"(
    <http://ex.test/a> a <https://schema.org/NewsArticle> ; <https://schema.org/url> "x/strike.txt" ;
      <https://schema.org/mentions> ex:holm .
    ex:holm a <https://schema.org/Person> ; <https://schema.org/name> "Greta Holm" .
  )");
  const auto articles = graph.articles_for("strike.txt");
  REQUIRE(articles.size() == 1);
  const auto mentioned = graph.mentions(articles);
  REQUIRE(mentioned.size() == 1);
  CHECK(graph.kinds(mentioned[0]) == std::vector<EntityKind>{EntityKind::Person});
  CHECK(graph.names(mentioned[0]) == std::set<std::string>{"greta holm"});
}

TEST_CASE("schema.org subclasses and classes the graph declares under them give kinds", "[evaluation][graph]") {
  const ContractGraph graph = graph_of(R"(
    ex:Harbourmaster rdfs:subClassOf ex:Official .
    ex:Official rdfs:subClassOf schema:Person .
    ex:Ferry rdfs:subClassOf schema:Product .
    ex:a a ex:Harbourmaster .
    ex:b a schema:TrainStation .
    ex:c a schema:NGO, schema:City .
    ex:d a ex:Ferry .
    ex:e a schema:Hospital .
  )");
  const auto kinds_of = [&](const std::string& local) {
    const auto node = graph.iri_node("http://ex.test/" + local);
    REQUIRE(node);
    return graph.kinds(*node);
  };
  CHECK(kinds_of("a") == std::vector<EntityKind>{EntityKind::Person});
  CHECK(kinds_of("b") == std::vector<EntityKind>{EntityKind::Place});
  // Sorted by name: Organization before Place.
  CHECK(kinds_of("c") == std::vector<EntityKind>{EntityKind::Organization, EntityKind::Place});
  CHECK(kinds_of("d").empty());
  CHECK(kinds_of("e") == std::vector<EntityKind>{EntityKind::Place});  // listed under one kind only
}

TEST_CASE("names come from five properties, literals only, normalised", "[evaluation][graph]") {
  const ContractGraph graph = graph_of(R"(
    ex:art a schema:NewsArticle ; schema:url "strike.txt" ; schema:mentions ex:union .
    ex:union a schema:WorkersUnion ;
      schema:name "The Dockers' Union" ; rdfs:label "DU" ; skos:prefLabel "Dockers Union"@en ;
      skos:altLabel "Port Workers" ; schema:alternateName "P.W.U.", ex:not_a_literal ; schema:description "ignored" .
  )");
  const auto mentioned = graph.mentions(graph.articles_for("strike.txt"));
  REQUIRE(mentioned.size() == 1);
  CHECK(graph.names(mentioned[0]) == std::set<std::string>{"dockers union", "du", "port workers", "pwu"});
  CHECK(graph.display(mentioned[0]) == "The Dockers' Union");
}

TEST_CASE("a statement is part of an article either way and its texts are joined in order", "[evaluation][graph]") {
  const ContractGraph graph = graph_of(R"(
    ex:art a schema:NewsArticle ; schema:url "strike.txt" ; schema:hasPart ex:s2 .
    ex:s1 a schema:Quotation ; schema:isPartOf ex:art ; schema:text "whatever the union says", "The boats stay," .
    ex:s2 a schema:Quotation ; schema:text "Another thing" .
    ex:s3 schema:isPartOf ex:art ; schema:text "not typed as a quotation" .
    ex:Soundbite rdfs:subClassOf schema:Quotation .
    ex:s4 a ex:Soundbite ; schema:isPartOf ex:art ; schema:text "a soundbite" ;
      schema:creator ex:x ; schema:author ex:y ; schema:spokenByCharacter ex:z ; schema:about ex:q, ex:p .
  )");
  const auto statements = graph.statements(graph.articles_for("strike.txt"));
  CHECK(values(graph, statements) == Strings{"http://ex.test/s2", "http://ex.test/s1", "http://ex.test/s4"});
  CHECK(graph.text(statements[1]) == "The boats stay, whatever the union says");
  CHECK(values(graph, graph.speakers(statements[2])) ==
        Strings{"http://ex.test/x", "http://ex.test/y", "http://ex.test/z"});
  CHECK(values(graph, graph.about(statements[2])) == Strings{"http://ex.test/p", "http://ex.test/q"});
}

TEST_CASE("a triple given twice counts once", "[evaluation][graph]") {
  auto triples = triples_of(R"(ex:s a schema:Quotation ; schema:about ex:p . ex:art a schema:Article .)");
  const auto once = triples.size();
  const auto copy = triples;
  triples.insert(triples.end(), copy.begin(), copy.end());
  const ContractGraph graph(triples);
  CHECK(graph.triple_count() == once);
}

TEST_CASE("mentions are ordered by display name, then IRI", "[evaluation][graph]") {
  const ContractGraph graph = graph_of(R"(
    ex:art a schema:NewsArticle ; schema:url "strike.txt" ; schema:mentions ex:z, ex:y, ex:x, ex:w .
    ex:z schema:name "Anna" .
    ex:y rdfs:label "Bea" .
    ex:x schema:name "Anna" .
    ex:w schema:name "Carl", "Abel" .
  )");
  CHECK(values(graph, graph.mentions(graph.articles_for("strike.txt"))) ==
        Strings{"http://ex.test/w", "http://ex.test/x", "http://ex.test/z", "http://ex.test/y"});
}
