#include <catch2/catch.hpp>

#include "cli/network_text.hpp"

using namespace ng::cli;
using namespace ng::graph::network;
using ng::ontology::EntityType;

namespace {

const EntityRef kAda{"https://newsgraph.example/person/ada_quill", "Ada Quill", EntityType::Person};
const EntityRef kBoris{"https://newsgraph.example/person/boris_tamm", "Boris Tamm", EntityType::Person};
const EntityRef kGuild{"https://newsgraph.example/organization/harbour_guild", "Harbour Guild",
                       EntityType::Organization};

HopEvidence evidence_of(HopEvidence::Kind kind) {
  HopEvidence ev;
  ev.kind = kind;
  return ev;
}

HopEvidence statement(std::string speaker, std::string about, std::string text) {
  HopEvidence ev = evidence_of(HopEvidence::Kind::Statement);
  ev.speaker = std::move(speaker);
  ev.verb = "said";
  ev.about = std::move(about);
  ev.text = std::move(text);
  ev.source = "https://newsgraph.example/article/strike";
  ev.source_title = "Dock strike enters second week";
  return ev;
}

}  // namespace

TEST_CASE("counts are written with the right plural", "[cli][text]") {
  CHECK(plural(1, "place") == "1 place");
  CHECK(plural(2, "place") == "2 places");
  CHECK(plural(3, "entity") == "3 entities");
  CHECK(plural(1, "entity") == "1 entity");
  CHECK(plural(2, "day") == "2 days");
  CHECK(plural(0, "item") == "0 items");
  CHECK(plural(2, "match") == "2 matches");
}

TEST_CASE("a path is told as chains of hops with quoted evidence and its article", "[cli][text]") {
  PathAnswer answer{kBoris, kAda, {}, {}, {}};
  Hop hop{kBoris, kAda, 2.0, {}};
  hop.evidence.push_back(statement("Boris Tamm", "Ada Quill", "Ms Quill has no mandate."));
  HopEvidence more = evidence_of(HopEvidence::Kind::MoreStatements);
  more.count = 1;
  hop.evidence.push_back(more);
  HopEvidence role = evidence_of(HopEvidence::Kind::Role);
  role.member = "Ada Quill";
  role.organization = "Harbour Guild";
  role.roles = {"chair"};
  hop.evidence.push_back(role);
  answer.chains.push_back({hop});
  const std::string text = format_paths(answer);
  CHECK(text.find("Boris Tamm (Person) → Ada Quill (Person): 1 shortest chain of 1 hop") != std::string::npos);
  CHECK(text.find("statement: Boris Tamm said about Ada Quill: “Ms Quill has no mandate.”") != std::string::npos);
  CHECK(text.find("in “Dock strike enters second week” <https://newsgraph.example/article/strike>") !=
        std::string::npos);
  CHECK(text.find("… and 1 more statement\n") != std::string::npos);
  CHECK(text.find("role: Ada Quill is chair of Harbour Guild") != std::string::npos);
}

TEST_CASE("entities without a chain are said to be not linked", "[cli][text]") {
  const PathAnswer answer{kAda, kBoris, {}, {}, {kGuild}};
  const std::string text = format_paths(answer);
  CHECK(text.find("note: chose Boris Tamm (Person)") != std::string::npos);
  CHECK(text.ends_with("Ada Quill (Person) and Boris Tamm (Person) are not linked in this view.\n"));
}

TEST_CASE("top as CSV names each column once, the ranking figure first", "[cli][text]") {
  const std::vector<TopRow> rows{{kAda, 0.4, 0.4, 1.5, 3, 2}, {kGuild, 0.2, 0.2, 0.0, 0, 1}};
  const std::string by_rank = format_top(rows, TopMetric::PageRank, true);
  CHECK(by_rank.starts_with("rank,iri,label,type,pagerank,statements,links\r\n1," + kAda.iri + ",Ada Quill,Person,0.4,3,2\r\n"));
  CHECK(format_top(rows, TopMetric::Statements, true).starts_with("rank,iri,label,type,statements,pagerank,links\r\n"));
  CHECK(format_top(rows, TopMetric::Degree, true).starts_with("rank,iri,label,type,degree,pagerank,statements\r\n"));
  CHECK(format_top(rows, TopMetric::Betweenness, true)
            .starts_with("rank,iri,label,type,betweenness,pagerank,statements,links\r\n1," + kAda.iri +
                         ",Ada Quill,Person,1.5,0.4,3,2\r\n"));
  const std::string table = format_top(rows, TopMetric::PageRank, false);
  CHECK(table.find("Harbour Guild") != std::string::npos);
}

TEST_CASE("ego lists entities by distance and through whom they are reached", "[cli][text]") {
  EgoAnswer answer{kGuild, {}, {}};
  answer.rows.push_back({kAda, 1, kGuild, LinkSummary{0, 0, {"chair"}}, 0.3});
  answer.rows.push_back({kBoris, 2, kAda, LinkSummary{4, 0, {}}, 0.2});
  const std::string text = format_ego(answer);
  CHECK(text.find("2 entities within reach") != std::string::npos);
  CHECK(text.find("1 hop:\n  Ada Quill (Person)") != std::string::npos);
  CHECK(text.find("role: chair") != std::string::npos);
  CHECK(text.find("2 hops:\n  Boris Tamm (Person)") != std::string::npos);
  CHECK(text.find("via Ada Quill: 4 statements") != std::string::npos);
}
