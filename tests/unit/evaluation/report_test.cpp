#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "evaluation/report.hpp"

using namespace ng::evaluation;

namespace {

Evaluation two_articles() {
  ArticleScore found;
  found.doc = "ferry_strike.txt";
  found.found = true;
  at(found.tallies, Metric::Person) = {3, 2, 2};
  at(found.tallies, Metric::Entities) = {3, 2, 2};
  at(found.tallies, Metric::Statements) = {16, 16, 1};
  at(found.tallies, Metric::WhoSaidWhat) = {16, 16, 1};
  found.findings.push_back({"entity FN", "Person 'Greta Holm'"});
  ArticleScore missing;
  missing.doc = "tram_fares.txt";
  at(missing.tallies, Metric::Person) = {1, 0, 0};
  at(missing.tallies, Metric::Entities) = {1, 0, 0};
  return summarize({found, missing});
}

}  // namespace

TEST_CASE("rates are rounded to four places on the exact binary value", "[evaluation][report]") {
  CHECK(*rates({3, 2, 2}).precision == 1.0);
  CHECK(*rates({3, 2, 2}).recall == 0.6667);
  CHECK(*rates({3, 2, 2}).f1 == 0.8);
  CHECK(*rates({100000, 100000, 77549}).precision == 0.7755);
  const Rates none = rates({0, 0, 0});
  CHECK_FALSE(none.precision);
  CHECK_FALSE(none.f1);
  const Rates no_predictions = rates({4, 0, 0});
  CHECK(*no_predictions.precision == 0.0);
  CHECK(*no_predictions.f1 == 0.0);
}

TEST_CASE("the table sums the articles and prints three decimals", "[evaluation][report]") {
  const Evaluation evaluation = two_articles();
  CHECK(evaluation.missing == std::vector<std::string>{"tram_fares.txt"});
  // 1/16 = 0.0625 is a tie at three decimals: to even, 0.062.
  CHECK(format_table(evaluation) ==
        "1 of 2 gold articles found in the graph\n"
        "metric                    gold  pred    tp       P       R      F1\n"
        "entities.Person              4     2     2   1.000   0.500   0.667\n"
        "entities.Organization        0     0     0       -       -       -\n"
        "entities.Place               0     0     0       -       -       -\n"
        "entities                     4     2     2   1.000   0.500   0.667\n"
        "statements                  16    16     1   0.062   0.062   0.062\n"
        "who_said_what               16    16     1   0.062   0.062   0.062\n"
        "about                        0     0     0       -       -       -\n");
  // 0.7755 is stored a hair under: 0.775, as the format's figures always were.
  Evaluation close;
  close.totals[0] = {100000, 100000, 77549};
  CHECK_THAT(format_table(close), Catch::Contains("  0.775   0.775   0.775"));
}

TEST_CASE("findings are listed per article", "[evaluation][report]") {
  CHECK(format_findings(two_articles()) ==
        "== ferry_strike.txt\n"
        "  entity FN     Person 'Greta Holm'\n"
        "== tram_fares.txt (article not found)\n");
}

TEST_CASE("the JSON report has the keys and numbers of the report format", "[evaluation][report]") {
  const std::string text = format_json(two_articles(), false);
  const auto report = nlohmann::json::parse(text);
  CHECK(report["gold_files"] == 2);
  CHECK(report["missing_articles"] == nlohmann::json::array({"tram_fares.txt"}));
  CHECK(report["metrics"]["entities.Person"]["gold"] == 4);
  CHECK(report["metrics"]["entities.Person"]["recall"] == 0.5);
  CHECK(report["metrics"]["about"]["f1"].is_null());
  CHECK(report["metrics"]["statements"]["precision"] == 0.0625);
  CHECK(report["per_article"]["ferry_strike.txt"]["found"] == true);
  CHECK(report["per_article"]["tram_fares.txt"]["entities.Person"]["tp"] == 0);
  CHECK_FALSE(report["per_article"]["ferry_strike.txt"].contains("findings"));
  // Whole numbers keep a decimal point; two-space indentation.
  CHECK_THAT(text, Catch::Contains("\n      \"precision\": 1.0,\n"));
  CHECK_THAT(text, Catch::StartsWith("{\n  \"gold_files\": 2,\n  \"missing_articles\": [\n    \"tram_fares.txt\"\n  ],"));
}

TEST_CASE("with findings each article of the JSON report lists them", "[evaluation][report]") {
  const auto report = nlohmann::json::parse(format_json(two_articles(), true));
  CHECK(report["per_article"]["ferry_strike.txt"]["findings"] ==
        nlohmann::json::parse(R"([{"kind": "entity FN", "text": "Person 'Greta Holm'"}])"));
  CHECK(report["per_article"]["tram_fares.txt"]["findings"] == nlohmann::json::array());
}
