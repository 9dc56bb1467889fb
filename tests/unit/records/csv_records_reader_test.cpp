#include <catch2/catch.hpp>

#include <sstream>

#include "loaders/records/csv_records_reader.hpp"
#include "tests/unit/news/test_support.hpp"

using namespace ng::loaders;
using namespace ng::loaders::testing;
using ng::ontology::EntityType;

namespace {

std::optional<RecordSet> read_csv(const std::string& text, InputReport& report) {
  std::istringstream in(text);
  return read_csv_records(in, "t.csv", std::size_t{1} << 20, report);
}

constexpr const char* kEntityHeader = "id,type,name,aliases,description,role,affiliation,same_as\n";

}  // namespace

TEST_CASE("an entities CSV file gives typed records with their lines", "[records][csv]") {
  const std::string path = data_path("records/people.csv");
  const Collected got = read_path(path);
  INFO(describe(got.report));
  REQUIRE(got.records.size() == 1);
  const RecordSet& set = got.records[0];
  CHECK(set.file == path);
  REQUIRE(set.entities.size() == 4);
  CHECK(set.statements.empty());
  CHECK(got.report.entity_records == 4);

  const EntityRecord& mayor = set.entities[0];
  CHECK(mayor.id == "p1");
  CHECK(mayor.type == EntityType::Person);
  CHECK(mayor.name == "Tamsin Pellwick");
  CHECK(mayor.aliases == std::vector<std::string>{"T. Pellwick", "Mayor Pellwick"});
  CHECK(mayor.description == "Mayor of Brindlemoor, re-elected in 2022");
  CHECK(mayor.role == "Mayor");
  CHECK(mayor.affiliation == "o1");
  CHECK(mayor.same_as == std::vector<std::string>{"https://www.wikidata.org/wiki/Q00000001"});
  CHECK(mayor.origin == path + ":2");

  const EntityRecord& council = set.entities[1];
  CHECK(council.type == EntityType::Organization);
  CHECK(council.description == "A council with \"quoted\" words and a second line in its description");
  CHECK_FALSE(council.role);
  CHECK(council.origin == path + ":3");

  // The quoted newline above spans lines 3-4, so this row is line 5.
  const EntityRecord& town = set.entities[2];
  CHECK(town.type == EntityType::Place);
  CHECK(town.origin == path + ":5");
  CHECK(town.same_as == std::vector<std::string>{"https://example.org/places/brindlemoor"});
  CHECK(set.entities[3].type == EntityType::Person);
  CHECK(set.entities[3].origin == path + ":6");

  // The dropped same_as value is the only problem, and only a warning.
  REQUIRE(got.report.problems.size() == 1);
  CHECK_FALSE(got.report.problems[0].skipped);
  CHECK(got.report.problems[0].origin == path + ":5");
  CHECK(got.report.problems[0].message == "same_as 'not-an-iri' is not an absolute http(s) IRI; dropped");
}

TEST_CASE("a statements CSV file is recognised whatever the column order", "[records][csv]") {
  const Collected got = read_path(data_path("records/statements.csv"));
  INFO(describe(got.report));
  REQUIRE(got.records.size() == 1);
  const auto& statements = got.records[0].statements;
  REQUIRE(statements.size() == 2);
  CHECK(got.report.problems.empty());
  CHECK(statements[0].id == "s1");
  CHECK(statements[0].speaker == "p1");
  CHECK(statements[0].text == "The sea will not wait for us, and neither will we.");
  CHECK(statements[0].about == std::vector<std::string>{"o1", "pl1"});
  CHECK(statements[0].direct);
  CHECK(statements[0].verb == "said");
  CHECK(statements[0].date == "2024-03-05");
  CHECK(statements[0].source == "https://gazette.example/news/harbour-vote");
  CHECK_FALSE(statements[1].direct);
  CHECK(statements[1].date == "2024-03-05");
  CHECK_FALSE(statements[1].source);
}

TEST_CASE("unknown CSV columns are warned about once and ignored", "[records][csv]") {
  InputReport report;
  const auto set = read_csv("Id,NAME,type,colour,Shoe Size\np1,Ada Brisk,Person,red,40\np2,Nils Arwen,Person,blue,44\n", report);
  REQUIRE(set);
  CHECK(set->entities.size() == 2);
  REQUIRE(report.problems.size() == 1);
  CHECK_FALSE(report.problems[0].skipped);
  CHECK(report.problems[0].origin == "t.csv:1");
  CHECK(report.problems[0].message == "ignored unknown columns colour, Shoe Size");
}

TEST_CASE("a CSV header of neither kind skips the whole file", "[records][csv]") {
  InputReport report;
  CHECK_FALSE(read_csv("a,b,c\n1,2,3\n", report));
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == "t.csv:1");
  CHECK(report.problems[0].message.find("names neither an entities file") != std::string::npos);
}

TEST_CASE("blank lines, CRLF endings and a BOM do not disturb CSV rows or their lines", "[records][csv]") {
  InputReport report;
  const auto set = read_csv(std::string("\xEF\xBB\xBF") + "id,type,name\r\n\r\np1,Person,Ada Brisk\r\n  \r\np2,Place,\"Kestrel\r\nBay\"\r\np3,Place,Port Amberly\r\n",
                            report);
  INFO(describe(report));
  REQUIRE(set);
  REQUIRE(set->entities.size() == 3);
  CHECK(set->entities[0].origin == "t.csv:3");
  CHECK(set->entities[1].origin == "t.csv:5");
  CHECK(set->entities[1].name == "Kestrel Bay");
  CHECK(set->entities[2].origin == "t.csv:7");
  CHECK(report.problems.empty());
}

TEST_CASE("a statement row with an unreadable direct flag is skipped", "[records][csv]") {
  InputReport report;
  const auto set = read_csv("id,speaker,text,direct\ns1,p1,Yes we will.,maybe\ns2,p1,No we won't.,FALSE\ns3,p1,Fine.,\n", report);
  REQUIRE(set);
  REQUIRE(set->statements.size() == 2);
  CHECK_FALSE(set->statements[0].direct);
  CHECK(set->statements[1].direct);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == "t.csv:2");
  CHECK(report.problems[0].message == "statement 's1': direct must be true/false/yes/no/1/0, not 'maybe'");
}

TEST_CASE("a header without data rows is an empty record set, not a problem", "[records][csv]") {
  InputReport report;
  const auto set = read_csv(kEntityHeader, report);
  REQUIRE(set);
  CHECK(set->entities.empty());
  CHECK(report.problems.empty());
}

TEST_CASE("a quoted field spanning lines before an unclosed quote keeps later rows", "[records][csv]") {
  InputReport report;
  const auto set = read_csv(std::string(kEntityHeader) +
                                "p1,Person,Ada Brisk,,\"two\nlines\",,,\n"
                                "p2,Person,\"Open quote,,,,,\n"
                                "p3,Person,Nils Arwen,,,,,\n",
                            report);
  INFO(describe(report));
  REQUIRE(set);
  REQUIRE(set->entities.size() == 2);
  CHECK(set->entities[0].description == "two lines");
  CHECK(set->entities[1].origin == "t.csv:5");
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == "t.csv:4");
}

TEST_CASE("a CSV file full of stray quotes is read, its broken rows reported", "[records][csv]") {
  // Each line opens a quote that the next line closes, followed by text:
  // every pair of lines is one broken row. Re-reading after each would be
  // quadratic; the reader re-reads a bounded number of times (a hang here
  // is caught by the test's timeout).
  std::string text = kEntityHeader;
  const int lines = 20000;
  for (int i = 0; i < lines; ++i) text += "p" + std::to_string(i) + ",Person,\"Name\n";
  InputReport report;
  const auto set = read_csv(text, report);
  REQUIRE(set);
  CHECK(report.problems.size() > 0);
  CHECK(report.problems.size() <= static_cast<std::size_t>(lines));
}

TEST_CASE("a CSV line over the limit is skipped and the next rows load", "[records][csv]") {
  std::istringstream in(std::string("id,type,name\np1,Person,") + std::string(5000, 'x') + "\np2,Place,Kestrel Bay\n");
  InputReport report;
  const auto set = read_csv_records(in, "t.csv", 1000, report);
  REQUIRE(set);
  REQUIRE(set->entities.size() == 1);
  CHECK(set->entities[0].origin == "t.csv:3");
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == "t.csv:2");
}
