#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "evaluation/gold.hpp"
#include "evaluation_test_support.hpp"

using namespace ng;
using namespace ng::evaluation;
using ng::evaluation::test::TempDir;

namespace {

const std::string kGood = R"({
  "doc": "ferry_strike.txt",
  "entities": [
    {"id": "holm", "type": "Person", "name": "Greta Holm", "aliases": ["Holm", "Ms. Holm"]},
    {"id": "ferries", "type": "Organization", "name": "The Isle Ferries", "aliases": []},
    {"id": "brenna", "type": "Place", "name": "Brenna"}
  ],
  "statements": [
    {"speaker": "holm", "direct": true, "text": "The boats stay in port.", "about": ["ferries", "brenna", "brenna"]},
    {"speaker": "ferries", "direct": false, "text": "talks would go on"}
  ]
})";

// The message of the ParseError that parsing `json` as `path` throws.
std::string error_of(const std::string& json, const std::string& path = "dir/x.gold.json") {
  try {
    parse_gold(json, path);
  } catch (const ParseError& e) {
    CHECK(e.file() == path);
    return e.what();
  }
  FAIL("no ParseError for " << json);
  return {};
}

}  // namespace

TEST_CASE("a gold file gives entities with normalised names and statements by index", "[evaluation][gold]") {
  const GoldArticle gold = parse_gold(kGood, "gold/ferry_strike.gold.json");
  CHECK(gold.doc == "ferry_strike.txt");
  CHECK(gold.path == "gold/ferry_strike.gold.json");
  REQUIRE(gold.entities.size() == 3);
  CHECK(gold.entities[0].kind == EntityKind::Person);
  CHECK(gold.entities[0].name == "Greta Holm");
  CHECK(gold.entities[0].names == std::set<std::string>{"greta holm", "holm", "ms holm"});
  CHECK(gold.entities[1].names == std::set<std::string>{"isle ferries"});
  CHECK(gold.entities[2].kind == EntityKind::Place);
  REQUIRE(gold.statements.size() == 2);
  CHECK(gold.statements[0].speaker == 0);
  CHECK(gold.statements[0].about == std::vector<std::size_t>{1, 2, 2});  // a repeat counts twice
  CHECK(gold.statements[1].speaker == 1);
  CHECK(gold.statements[1].about.empty());
}

TEST_CASE("without a doc the gold file's name tells the article", "[evaluation][gold]") {
  const std::string body = R"("entities": [], "statements": [])";
  CHECK(parse_gold("{" + body + "}", "g/ferry_strike.gold.json").doc == "ferry_strike.txt");
  CHECK(parse_gold(R"({"doc": "", )" + body + "}", "g/ferry_strike.gold.json").doc == "ferry_strike.txt");
  CHECK(parse_gold(R"({"doc": null, )" + body + "}", "g/ferry_strike.gold.json").doc == "ferry_strike.txt");
}

TEST_CASE("invalid JSON is reported with the file, line and column", "[evaluation][gold]") {
  const std::string bad = "{\n  \"entities\": [\n    {\"id\": \"a\",, }\n";
  try {
    parse_gold(bad, "gold/broken.gold.json");
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(e.file() == "gold/broken.gold.json");
    CHECK(e.line() == 3);
    CHECK(e.column() == 16);
    CHECK_THAT(e.what(), Catch::Contains("invalid JSON"));
  }
}

TEST_CASE("a statement whose speaker is not an entity of the file is refused", "[evaluation][gold]") {
  const std::string message = error_of(
      R"({"entities": [{"id": "a", "type": "Person", "name": "A"}],
          "statements": [{"speaker": "a", "text": "x"}, {"speaker": "b", "text": "y"}]})");
  CHECK(message == "dir/x.gold.json: statement 2: speaker \"b\" is not an entity id of this file");
}

TEST_CASE("an about id that is not an entity of the file is refused", "[evaluation][gold]") {
  CHECK_THAT(error_of(R"({"entities": [{"id": "a", "type": "Person", "name": "A"}],
                          "statements": [{"speaker": "a", "text": "x", "about": ["a", "z"]}]})"),
             Catch::Contains("about \"z\" is not an entity id"));
}

TEST_CASE("entities need a known type and an id of their own", "[evaluation][gold]") {
  CHECK_THAT(error_of(R"({"entities": [{"id": "a", "type": "Event", "name": "A"}], "statements": []})"),
             Catch::Contains("type \"Event\" is not Person, Organization or Place"));
  CHECK_THAT(error_of(R"({"entities": [{"id": "a", "type": "Person", "name": "A"},
                                       {"id": "a", "type": "Place", "name": "B"}], "statements": []})"),
             Catch::Contains("entity \"a\": duplicate id"));
  CHECK_THAT(error_of(R"({"entities": [{"id": "a", "type": "Person"}], "statements": []})"),
             Catch::Contains("entity 1: no \"name\""));
  CHECK_THAT(error_of(R"({"entities": [{"id": "a", "type": "Person", "name": "A", "aliases": "B"}], "statements": []})"),
             Catch::Contains("\"aliases\" is not a list"));
}

TEST_CASE("a gold file needs entities and statements", "[evaluation][gold]") {
  CHECK_THAT(error_of(R"({"entities": []})"), Catch::Contains("no \"statements\""));
  CHECK_THAT(error_of(R"([1, 2])"), Catch::Contains("expected a JSON object"));
  CHECK_THAT(error_of(R"({"entities": [], "statements": [{"speaker": 3, "text": "x"}]})"),
             Catch::Contains("speaker is not an entity id"));
}

TEST_CASE("every error about a gold file is one line", "[evaluation][gold]") {
  for (const std::string& bad : {std::string("{\n\"entities\": [\n"), std::string("{\"entities\": 5}"),
                                 std::string(R"({"entities": [], "statements": [{"speaker": "a\nb"}]})")}) {
    const std::string message = error_of(bad);
    CHECK(message.find('\n') == std::string::npos);
  }
}

TEST_CASE("a gold directory is read in file name order, gold files only", "[evaluation][gold]") {
  TempDir dir;
  const std::string empty = R"({"entities": [], "statements": []})";
  dir.write("b.gold.json", empty);
  dir.write("a.gold.json", empty);
  dir.write("notes.json", "not gold");
  dir.write("README.md", "# gold");
  const auto articles = read_gold_directory(dir.path());
  REQUIRE(articles.size() == 2);
  CHECK(articles[0].doc == "a.txt");
  CHECK(articles[1].doc == "b.txt");
}

TEST_CASE("a missing or empty gold directory and a bad file in it are errors", "[evaluation][gold]") {
  TempDir dir;
  CHECK_THROWS_AS(read_gold_directory(dir.path() / "nowhere"), IoError);
  CHECK_THROWS_AS(read_gold_directory(dir.path()), IoError);
  dir.write("a.gold.json", R"({"entities": [], "statements": []})");
  const std::string bad = dir.write("b.gold.json", "{");
  CHECK_THROWS_WITH(read_gold_directory(dir.path()), Catch::StartsWith(bad + ":"));
}
