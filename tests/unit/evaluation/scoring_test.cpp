#include <catch2/catch.hpp>

#include "evaluation/scoring.hpp"
#include "evaluation_test_support.hpp"

using namespace ng::evaluation;
using namespace ng::evaluation::test;

namespace {

// An article "strike.txt" with the given statements about it in Turtle;
// its node is ex:art.
const std::string kArticle = "ex:art a schema:NewsArticle ; schema:url \"https://ex.test/strike.txt\" .\n";

GoldArticle gold_of(const std::string& entities, const std::string& statements) {
  return parse_gold(R"({"doc": "strike.txt", "entities": [)" + entities + R"(], "statements": [)" + statements + "]}",
                    "strike.gold.json");
}

Tally tally(const ArticleScore& score, Metric metric) { return at(score.tallies, metric); }

std::vector<std::string> findings_of(const ArticleScore& score, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& f : score.findings) {
    if (f.kind == kind) out.push_back(f.text);
  }
  return out;
}

}  // namespace

TEST_CASE("a node typed with two kinds is two predictions", "[evaluation][scoring]") {
  const auto graph = graph_of(kArticle + R"(
    ex:art schema:mentions ex:brenna .
    ex:brenna a schema:City, schema:Organization ; schema:name "Brenna" .
  )");
  const auto score = score_article(graph, gold_of(R"({"id": "b", "type": "Place", "name": "Brenna"})", ""));
  CHECK(score.found);
  CHECK(tally(score, Metric::Place) == Tally{1, 1, 1});
  CHECK(tally(score, Metric::Organization) == Tally{0, 1, 0});
  CHECK(tally(score, Metric::Entities) == Tally{1, 2, 1});
  CHECK(findings_of(score, "entity FP") == std::vector<std::string>{"Organization 'Brenna'"});
}

TEST_CASE("a gold entity is matched once, however many nodes carry its name", "[evaluation][scoring]") {
  const auto graph = graph_of(kArticle + R"(
    ex:art schema:mentions ex:holm1, ex:holm2 .
    ex:holm1 a schema:Person ; schema:name "Greta Holm" .
    ex:holm2 a schema:Person ; schema:alternateName "Holm" .
  )");
  const auto score = score_article(
      graph, gold_of(R"({"id": "h", "type": "Person", "name": "Greta Holm", "aliases": ["Holm"]})", ""));
  CHECK(tally(score, Metric::Person) == Tally{1, 2, 1});
}

TEST_CASE("entities are matched to get the most pairs, not first come first served", "[evaluation][scoring]") {
  // "Greta" sorts first; the first gold entity could take it, leaving the
  // second with nothing. A maximum matching moves it to "Holm".
  const auto graph = graph_of(kArticle + R"(
    ex:art schema:mentions ex:n1, ex:n2 .
    ex:n1 a schema:Person ; schema:name "Holm" .
    ex:n2 a schema:Person ; schema:name "Greta" .
  )");
  const auto score = score_article(graph, gold_of(R"({"id": "a", "type": "Person", "name": "Holm", "aliases": ["Greta"]},
                                                   {"id": "b", "type": "Person", "name": "Greta"})",
                                                  ""));
  CHECK(tally(score, Metric::Person) == Tally{2, 2, 2});
}

TEST_CASE("the right speaker wins over a higher text overlap", "[evaluation][scoring]") {
  const auto graph = graph_of(kArticle + R"(
    ex:art schema:mentions ex:okafor, ex:lenz .
    ex:okafor a schema:Person ; schema:name "Ada Okafor" .
    ex:lenz a schema:Person ; schema:name "Tomas Lenz" .
    ex:p1 a schema:Quotation ; schema:isPartOf ex:art ; schema:creator ex:lenz ;
      schema:text "the dam talks would resume in spring" .
    ex:p2 a schema:Quotation ; schema:isPartOf ex:art ; schema:creator ex:okafor ;
      schema:text "the talks would resume in spring" .
  )");
  // p1 has F1 1.0 with Okafor's statement but the wrong speaker; p2 (0.92)
  // has the right one, and p1 fits Lenz's statement (0.67) with his name.
  const auto gold = gold_of(R"({"id": "o", "type": "Person", "name": "Ada Okafor"},
                               {"id": "l", "type": "Person", "name": "Tomas Lenz"})",
                            R"({"speaker": "o", "text": "the dam talks would resume in spring"},
                               {"speaker": "l", "text": "the dam talks would not resume before autumn"})");
  const auto score = score_article(graph, gold);
  CHECK(tally(score, Metric::Statements) == Tally{2, 2, 2});
  CHECK(tally(score, Metric::WhoSaidWhat) == Tally{2, 2, 2});
}

TEST_CASE("a statement matches from token F1 0.5 up", "[evaluation][scoring]") {
  const auto graph = graph_of(kArticle + R"(
    ex:s1 a schema:Quotation ; schema:isPartOf ex:art ; schema:text "alpha gamma" .
    ex:s2 a schema:Quotation ; schema:isPartOf ex:art ; schema:text "delta zeta" .
  )");
  // "alpha beta" / "alpha gamma": F1 0.5 exactly. "delta epsilon eta" / "delta zeta": 0.4.
  const auto gold = gold_of(R"({"id": "x", "type": "Person", "name": "X"})",
                            R"({"speaker": "x", "text": "alpha beta"}, {"speaker": "x", "text": "delta epsilon eta"})");
  const auto score = score_article(graph, gold);
  CHECK(tally(score, Metric::Statements) == Tally{2, 2, 1});
  CHECK(tally(score, Metric::WhoSaidWhat) == Tally{2, 2, 0});  // no speaker is not the right speaker
  CHECK(findings_of(score, "statement FN") == std::vector<std::string>{"X: 'delta epsilon eta'"});
  CHECK(findings_of(score, "statement FP") == std::vector<std::string>{"'delta zeta'"});
  CHECK(findings_of(score, "wrong speaker") == std::vector<std::string>{"'alpha beta': nobody instead of X"});
}

TEST_CASE("every speaker of a statement must be the gold speaker", "[evaluation][scoring]") {
  const auto graph = graph_of(kArticle + R"(
    ex:holm a schema:Person ; schema:name "Greta Holm" .
    ex:ferries a schema:Corporation ; schema:name "Isle Ferries" .
    ex:s1 a schema:Quotation ; schema:isPartOf ex:art ; schema:text "the boats stay in port" ;
      schema:author ex:holm .
    ex:s2 a schema:Quotation ; schema:isPartOf ex:art ; schema:text "talks would go on" ;
      schema:spokenByCharacter ex:ferries ; schema:creator ex:holm .
    ex:s3 a schema:Quotation ; schema:isPartOf ex:art ; schema:text "fares will rise" ;
      schema:creator ex:holm_place .
    ex:holm_place a schema:Place ; schema:name "Greta Holm" .
  )");
  const auto gold = gold_of(R"({"id": "h", "type": "Person", "name": "Greta Holm"},
                               {"id": "f", "type": "Organization", "name": "Isle Ferries"})",
                            R"({"speaker": "h", "text": "the boats stay in port"},
                               {"speaker": "f", "text": "talks would go on"},
                               {"speaker": "h", "text": "fares will rise"})");
  const auto score = score_article(graph, gold);
  CHECK(tally(score, Metric::Statements) == Tally{3, 3, 3});
  // s2 has a second, wrong speaker; s3's speaker has the name but not the kind.
  CHECK(tally(score, Metric::WhoSaidWhat) == Tally{3, 3, 1});
  CHECK(findings_of(score, "wrong speaker") ==
        std::vector<std::string>{"'talks would go on': Greta Holm, Isle Ferries instead of Isle Ferries",
                                 "'fares will rise': Greta Holm instead of Greta Holm"});
}

TEST_CASE("about is counted over matched statements only", "[evaluation][scoring]") {
  const auto graph = graph_of(kArticle + R"(
    ex:brenna a schema:City ; schema:name "Brenna" .
    ex:isle a schema:Place ; schema:name "Isle of Tarn" .
    ex:ferries a schema:Corporation ; schema:name "Isle Ferries" .
    ex:s1 a schema:Quotation ; schema:isPartOf ex:art ; schema:text "boats stay in Brenna" ;
      schema:about ex:brenna, ex:ferries .
    ex:s2 a schema:Quotation ; schema:isPartOf ex:art ; schema:text "something nobody annotated" ;
      schema:about ex:isle .
  )");
  const auto gold = gold_of(R"({"id": "b", "type": "Place", "name": "Brenna"},
                               {"id": "i", "type": "Place", "name": "Isle of Tarn"},
                               {"id": "x", "type": "Person", "name": "X"})",
                            R"({"speaker": "x", "text": "the boats stay in Brenna", "about": ["b", "i"]})");
  const auto score = score_article(graph, gold);
  CHECK(tally(score, Metric::About) == Tally{2, 2, 1});
  CHECK(findings_of(score, "about FN") == std::vector<std::string>{"Isle of Tarn in 'the boats stay in Brenna'"});
  CHECK(findings_of(score, "about FP") == std::vector<std::string>{"Isle Ferries in 'the boats stay in Brenna'"});
}

TEST_CASE("an article missing from the graph counts as all missed", "[evaluation][scoring]") {
  const auto graph = graph_of("ex:other a schema:NewsArticle ; schema:url \"other.txt\" ; schema:mentions ex:x .\n"
                              "ex:x a schema:Person ; schema:name \"X\" .");
  const auto score = score_article(graph, gold_of(R"({"id": "x", "type": "Person", "name": "X"})",
                                                  R"({"speaker": "x", "text": "hello"})"));
  CHECK_FALSE(score.found);
  CHECK(tally(score, Metric::Person) == Tally{1, 0, 0});
  CHECK(tally(score, Metric::Statements) == Tally{1, 0, 0});
  CHECK(tally(score, Metric::About) == Tally{0, 0, 0});
}

TEST_CASE("findings quote names the way the report format always has", "[evaluation][scoring]") {
  const auto graph = graph_of(kArticle + "ex:art schema:mentions ex:o .\nex:o a schema:Person ; schema:name \"Sean O'Neill\" .");
  const auto score = score_article(graph, gold_of(R"({"id": "x", "type": "Person", "name": "Tab\there \\ \"q\""})", ""));
  CHECK(findings_of(score, "entity FN") == std::vector<std::string>{R"(Person 'Tab\there \\ "q"')"});
  CHECK(findings_of(score, "entity FP") == std::vector<std::string>{R"(Person "Sean O'Neill")"});
}
