#include <catch2/catch.hpp>

#include "loaders/records/json_records_reader.hpp"
#include "tests/unit/news/test_support.hpp"

using namespace ng::loaders;
using namespace ng::loaders::testing;
using ng::ontology::EntityType;

TEST_CASE("a records JSON object gives entities and statements with their lines", "[records][json]") {
  const std::string path = data_path("records/records.json");
  const Collected got = read_path(path);
  INFO(describe(got.report));
  REQUIRE(got.records.size() == 1);
  const RecordSet& set = got.records[0];
  CHECK(got.report.problems.empty());
  REQUIRE(set.entities.size() == 2);
  REQUIRE(set.statements.size() == 1);
  CHECK(set.entities[0].name == "Ilse Marrowby");
  CHECK(set.entities[0].aliases == std::vector<std::string>{"I. Marrowby"});
  CHECK(set.entities[0].role == "Head librarian");
  CHECK(set.entities[0].same_as == std::vector<std::string>{"https://example.org/people/ilse-marrowby"});
  CHECK(set.entities[0].origin == path + ":3");
  CHECK(set.entities[1].type == EntityType::Organization);
  CHECK(set.entities[1].origin == path + ":6");
  CHECK(set.statements[0].about == std::vector<std::string>{"o10"});
  CHECK(set.statements[0].direct);
  CHECK(set.statements[0].date == "2023-11-20");
  CHECK(set.statements[0].origin == path + ":9");
  CHECK(got.report.entity_records == 2);
  CHECK(got.report.statement_records == 1);
}

TEST_CASE("a records JSON array tells each object's kind", "[records][json]") {
  const std::string path = data_path("records/records_array.json");
  const Collected got = read_path(path);
  INFO(describe(got.report));
  REQUIRE(got.records.size() == 1);
  REQUIRE(got.records[0].entities.size() == 1);
  REQUIRE(got.records[0].statements.size() == 1);
  CHECK(got.records[0].entities[0].type == EntityType::Place);
  CHECK_FALSE(got.records[0].statements[0].direct);
  CHECK(got.records[0].statements[0].origin == path + ":3");
}

TEST_CASE("a bad JSON record names its place and line and the rest loads", "[records][json]") {
  InputReport report;
  const auto set = read_json_records(R"([
  {"kind": "entity", "id": "p1", "type": "Person", "name": "Ada Brisk"},
  {"kind": "person", "id": "p2"},
  {"kind": "entity", "id": "p3", "type": "Person", "name": "Nils Arwen", "aliases": "N. Arwen"},
  "just a string",
  {"kind": "statement", "id": "p1", "speaker": "p3", "text": "Same id as an entity."},
  {"kind": "entity", "id": 7, "type": "Place", "name": "Kestrel Bay", "population": 1200, "colour": "red"},
  {"kind": "entity", "id": 8, "type": "Place", "name": "Port Amberly", "population": 900}
])",
                                     "r.json", report);
  INFO(describe(report));
  REQUIRE(set);
  REQUIRE(set->entities.size() == 3);
  CHECK(set->entities[1].id == "7");
  REQUIRE(report.problems.size() == 6);
  CHECK(report.problems[0].origin == "r.json:3");
  CHECK(report.problems[0].message == "[1]: \"kind\" must be \"entity\" or \"statement\"");
  CHECK(report.problems[1].origin == "r.json:4");
  CHECK(report.problems[1].message == "[2]: \"aliases\" must be an array of strings, not string");
  CHECK(report.problems[2].origin == "r.json:5");
  CHECK(report.problems[3].origin == "r.json:6");
  CHECK(report.problems[3].message.find("duplicate id 'p1'") != std::string::npos);
  // Unknown keys are warned about once per file.
  CHECK_FALSE(report.problems[4].skipped);
  CHECK(report.problems[4].message == "ignored unknown key \"colour\"");
  CHECK(report.problems[5].message == "ignored unknown key \"population\"");
}

TEST_CASE("a records JSON file of the wrong shape is skipped whole", "[records][json]") {
  InputReport report;
  CHECK_FALSE(read_json_records(R"({"people": []})", "r.json", report));
  CHECK_FALSE(read_json_records("42", "r.json", report));
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0].origin == "r.json");
}

TEST_CASE("invalid JSON in a records file names line and column", "[records][json]") {
  InputReport report;
  CHECK_FALSE(read_json_records("{\n  \"entities\": [\n    {\"id\": }\n  ]\n}", "r.json", report));
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == "r.json:3:12");
  CHECK(report.problems[0].message.rfind("invalid JSON: ", 0) == 0);
}
