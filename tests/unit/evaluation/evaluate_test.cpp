#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "evaluation/evaluate.hpp"
#include "evaluation_test_support.hpp"
#include "graph/store.hpp"

using namespace ng;
using namespace ng::evaluation;
using namespace ng::evaluation::test;

namespace {

// tests/data/evaluation/tricky: four gold articles, four graph files (see
// the README there for what each file tries).
const std::string kTricky = std::string(NG_TEST_DATA) + "/evaluation/tricky";

std::vector<std::string> tricky_graphs() {
  return {kTricky + "/graph/a.ttl", kTricky + "/graph/b.nt", kTricky + "/graph/c.rdf", kTricky + "/graph/d.trig"};
}

const ArticleScore& article(const Evaluation& evaluation, const std::string& doc) {
  for (const auto& a : evaluation.articles) {
    if (a.doc == doc) return a;
  }
  throw std::runtime_error("no article " + doc);
}

// The figures worked out by hand in tests/data/evaluation/README.md.
void check_tricky_totals(const Evaluation& evaluation) {
  CHECK(at(evaluation.totals, Metric::Person) == Tally{5, 4, 4});
  CHECK(at(evaluation.totals, Metric::Organization) == Tally{4, 4, 3});
  CHECK(at(evaluation.totals, Metric::Place) == Tally{4, 4, 4});
  CHECK(at(evaluation.totals, Metric::Entities) == Tally{13, 12, 11});
  CHECK(at(evaluation.totals, Metric::Statements) == Tally{7, 7, 6});
  CHECK(at(evaluation.totals, Metric::WhoSaidWhat) == Tally{7, 7, 5});
  CHECK(at(evaluation.totals, Metric::About) == Tally{7, 7, 6});
}

}  // namespace

TEST_CASE("several graph files in four syntaxes are scored as one graph", "[evaluation][evaluate]") {
  const Evaluation evaluation = evaluate(EvaluateOptions{kTricky + "/gold", tricky_graphs(), ""});
  REQUIRE(evaluation.articles.size() == 4);
  CHECK(evaluation.missing == std::vector<std::string>{"missing_piece.txt"});
  check_tricky_totals(evaluation);
}

TEST_CASE("an article found by identifier, with https schema.org and a speaker by schema:author",
          "[evaluation][evaluate]") {
  const Evaluation evaluation = evaluate(EvaluateOptions{kTricky + "/gold", tricky_graphs(), ""});
  const auto& quay = article(evaluation, "quay_dispute.txt");
  CHECK(quay.found);
  // Lindqvist's class is two rdfs:subClassOf steps under schema:Person (declared in b.nt).
  CHECK(at(quay.tallies, Metric::Person) == Tally{1, 1, 1});
  CHECK(at(quay.tallies, Metric::Organization) == Tally{2, 3, 2});
  CHECK(at(quay.tallies, Metric::Statements) == Tally{3, 4, 3});
  // d.trig's _:q1 is not a.ttl's: its extra speaker does not spoil Lindqvist's quote.
  CHECK(at(quay.tallies, Metric::WhoSaidWhat) == Tally{3, 4, 2});
  // d.trig repeats a.ttl's `ex:q3 schema:about ex:velmar`: counted once.
  CHECK(at(quay.tallies, Metric::About) == Tally{3, 4, 3});
}

TEST_CASE("a decoy article whose IRI ends in a longer word is not the article", "[evaluation][evaluate]") {
  const Evaluation evaluation = evaluate(EvaluateOptions{kTricky + "/gold", tricky_graphs(), ""});
  const auto& river = article(evaluation, "river_talks.txt");
  CHECK(river.found);
  CHECK(at(river.tallies, Metric::Person) == Tally{2, 2, 2});  // not 3: the decoy's Okafor stays out
  CHECK(at(river.tallies, Metric::WhoSaidWhat) == Tally{2, 2, 2});
}

TEST_CASE("without the file that declares the subclasses those entities have no kind", "[evaluation][evaluate]") {
  const Evaluation evaluation = evaluate(EvaluateOptions{
      kTricky + "/gold", {kTricky + "/graph/a.ttl", kTricky + "/graph/c.rdf", kTricky + "/graph/d.trig"}, ""});
  const auto& quay = article(evaluation, "quay_dispute.txt");
  CHECK(at(quay.tallies, Metric::Person) == Tally{1, 0, 0});
  CHECK_FALSE(article(evaluation, "river_talks.txt").found);
}

TEST_CASE("the same graph in a store gives the same figures", "[evaluation][evaluate]") {
  TempDir dir;
  const std::string store_path = (dir.path() / "store").string();
  {
    graph::Store store(graph::StoreOptions{store_path, graph::StoreOptions::Mode::ReadWrite, true});
    std::vector<ontology::Quad> quads;
    for (const auto& t : read_graph_files(tricky_graphs())) {
      quads.push_back({t.subject, t.predicate, t.object, "http://ex.test/graph/all"});
    }
    store.add(quads);
    store.commit();
  }
  const Evaluation evaluation = evaluate(EvaluateOptions{kTricky + "/gold", {}, store_path});
  check_tricky_totals(evaluation);
}

TEST_CASE("graph files that cannot be read are errors naming the file", "[evaluation][evaluate]") {
  TempDir dir;
  const std::string jsonld = dir.write("graph.jsonld", R"({"@id": "http://ex.test/a"})");
  CHECK_THROWS_WITH(read_graph_files({jsonld}), Catch::StartsWith(jsonld + ": JSON-LD is not read"));
  CHECK_THROWS_AS(read_graph_files({(dir.path() / "absent.ttl").string()}), IoError);
  const std::string broken = dir.write("broken.ttl", "@prefix ex: <http://ex.test/> .\nex:a ex:b .\n");
  try {
    read_graph_files({broken});
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(e.file() == broken);
    CHECK(e.line() == 2);
  }
  const std::string broken_xml =
      dir.write("broken.rdf", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
  CHECK_THROWS_AS(read_graph_files({broken_xml}), ParseError);
}

TEST_CASE("a missing store is an error", "[evaluation][evaluate]") {
  TempDir dir;
  CHECK_THROWS_AS(evaluate(EvaluateOptions{kTricky + "/gold", {}, (dir.path() / "nothing").string()}), StoreError);
}
