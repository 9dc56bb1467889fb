#include <catch2/catch.hpp>

#include "nlp_test_support.hpp"

using namespace ng::nlp;
using namespace ng::nlp::test;

TEST_CASE("a given name and a surname make a person", "[nlp][names]") {
  const auto a = run("Yesterday Maria Ostrova opened the new library.");
  CHECK(type_of(a, "Maria Ostrova") == EntityType::Person);
}

TEST_CASE("a title before a name is a role, not part of the name", "[nlp][names]") {
  const auto a = run("Later, Finance Minister Tomas Kerrigan presented the budget.");
  const Entity* e = entity(a, "Tomas Kerrigan");
  REQUIRE(e != nullptr);
  CHECK(e->type == EntityType::Person);
  REQUIRE_FALSE(e->roles.empty());
  CHECK(e->roles.front().title == "Finance Minister");
}

TEST_CASE("an abbreviated title with a dot is a role", "[nlp][names]") {
  const auto a = run("The convoy was led by Gen. Piotr Valenko on Tuesday.");
  CHECK(type_of(a, "Piotr Valenko") == EntityType::Person);
}

TEST_CASE("a country in a title becomes the role's jurisdiction", "[nlp][names][roles]") {
  const auto a = run("Portuguese Foreign Minister Helena Duarte met her counterparts in Lisbon.");
  const Entity* e = entity(a, "Helena Duarte");
  REQUIRE(e != nullptr);
  REQUIRE_FALSE(e->roles.empty());
  CHECK(e->roles.front().title == "Portuguese Foreign Minister");
  CHECK(type_of(a, "Lisbon") == EntityType::Place);
}

TEST_CASE("an organisation in a title is named as an organisation", "[nlp][names][roles]") {
  const auto a = run("The talks were chaired by NATO Secretary General Anders Lindqvist.");
  CHECK(type_of(a, "NATO") == EntityType::Organization);
  CHECK(type_of(a, "Anders Lindqvist") == EntityType::Person);
}

TEST_CASE("name particles join a name", "[nlp][names]") {
  const auto a = run("The architect Pieter van der Berg designed the bridge.");
  CHECK(type_of(a, "Pieter van der Berg") == EntityType::Person);
}

TEST_CASE("a head noun makes an organisation", "[nlp][names]") {
  const auto a = run("The plan was approved by the Ministry of Fisheries and the Coastal Research Institute.");
  CHECK(type_of(a, "Ministry of Fisheries") == EntityType::Organization);
  CHECK(type_of(a, "Coastal Research Institute") == EntityType::Organization);
}

TEST_CASE("a lower-case head after a name makes a place", "[nlp][names]") {
  const auto a = run("Water levels rose along the Vesna river and in the Tarsk region.");
  CHECK(type_of(a, "Vesna river") == EntityType::Place);
  CHECK(type_of(a, "Tarsk region") == EntityType::Place);
}

TEST_CASE("a news agency suffix makes an organisation named without it", "[nlp][names]") {
  const auto a = run("The figures were published by the Kestrel news agency on Monday.");
  CHECK(type_of(a, "Kestrel") == EntityType::Organization);
}

TEST_CASE("countries and capitals come from the lexicon", "[nlp][names]") {
  const auto a = run("Trade between Brazil and Kenya grew, officials in Nairobi said.");
  CHECK(type_of(a, "Brazil") == EntityType::Place);
  CHECK(type_of(a, "Kenya") == EntityType::Place);
  CHECK(type_of(a, "Nairobi") == EntityType::Place);
}

TEST_CASE("a possessive country still names the country", "[nlp][names]") {
  const auto a = run("The storm hit Portugal's northern coast overnight.");
  CHECK(type_of(a, "Portugal") == EntityType::Place);
}

TEST_CASE("an acronym is an organisation", "[nlp][names]") {
  const auto a = run("The decision was welcomed by the UNHCR and by NATO.");
  CHECK(type_of(a, "NATO") == EntityType::Organization);
}

TEST_CASE("demonyms alone are not entities", "[nlp][names]") {
  const auto a = run("Brazilian troops and Kenyan officials arrived.");
  CHECK(entity(a, "Brazilian") == nullptr);
  CHECK(entity(a, "Kenyan") == nullptr);
}

TEST_CASE("a capitalised common word at the start of a sentence is not a name", "[nlp][names]") {
  const auto a = run("Analysts expect more rain. Officials disagree.");
  CHECK(a.entities.empty());
}

TEST_CASE("a dateline names a place", "[nlp][names]") {
  const auto a = run("Talks resume\n\nMOMBASA - Port workers returned on Monday.", true);
  CHECK(type_of(a, "Mombasa") == EntityType::Place);
}

TEST_CASE("names in a Title Case headline are matched against the body", "[nlp][names]") {
  const auto a = run("Kenya Hosts Regional Summit\n\nLeaders gathered in Kenya on Monday.", true);
  const Entity* e = entity(a, "Kenya");
  REQUIRE(e != nullptr);
  CHECK(e->mention_count == 2);
  CHECK(entity(a, "Regional Summit") == nullptr);
}

TEST_CASE("an appositive role types an unknown name as a person", "[nlp][names]") {
  const auto a = run("Ulla Brekkestad, a local fisheries official, counted the boats.");
  CHECK(type_of(a, "Ulla Brekkestad") == EntityType::Person);
}

TEST_CASE("a government seat is an organisation", "[nlp][names]") {
  const auto a = run("The Kremlin and the White House did not comment.");
  CHECK(type_of(a, "Kremlin") == EntityType::Organization);
  CHECK(type_of(a, "White House") == EntityType::Organization);
}

TEST_CASE("a multi-word city in a dateline stays one place", "[nlp][names]") {
  const auto a = run("Shares fall\n\nSAN FRANCISCO (Northwire) - Shares fell on Tuesday.", true);
  CHECK(type_of(a, "San Francisco") == EntityType::Place);
  CHECK(type_of(a, "Northwire") == EntityType::Organization);
}

TEST_CASE("a country after the dateline's city is a place, not an agency", "[nlp][names]") {
  const auto a = run("Talks resume\n\nNAIROBI, Kenya - Negotiators met on Sunday.", true);
  CHECK(type_of(a, "Kenya") == EntityType::Place);
}

TEST_CASE("people who work at a name make it an organisation", "[nlp][names]") {
  const auto a = run("Analysts at Harper Lindgren expect a weaker quarter.");
  CHECK(type_of(a, "Harper Lindgren") == EntityType::Organization);
}

TEST_CASE("a plural head before such as types the names after it", "[nlp][names]") {
  const auto a = run("The storm hit coastal towns such as Varnby and Oskhavn.");
  CHECK(type_of(a, "Varnby") == EntityType::Place);
}

TEST_CASE("a lower-case organisation noun before a name makes an organisation", "[nlp][names]") {
  const auto a = run("The deal was signed with the shipping company Kelmar Lines on Friday.");
  CHECK(type_of(a, "Kelmar Lines") == EntityType::Organization);
}

TEST_CASE("a title with an of-phrase is kept whole", "[nlp][names][roles]") {
  const auto a = run("Talks were led by Secretary of State Helen Marsh.");
  const Entity* e = entity(a, "Helen Marsh");
  REQUIRE(e != nullptr);
  REQUIRE_FALSE(e->roles.empty());
  CHECK(e->roles.front().title == "Secretary of State");
}

TEST_CASE("two names joined by in are two names", "[nlp][names]") {
  const auto a = run("The final will be played at Harrow Stadium in London.");
  CHECK(type_of(a, "Harrow Stadium") == EntityType::Place);
  CHECK(type_of(a, "London") == EntityType::Place);
}

TEST_CASE("party members in the plural name a party", "[nlp][names]") {
  const auto a = run("Both Democrats and Republicans backed the bill.");
  CHECK(type_of(a, "Democrats") == EntityType::Organization);
  CHECK(type_of(a, "Republicans") == EntityType::Organization);
}

TEST_CASE("a one-word name with an article that reports is an organisation", "[nlp][names]") {
  const auto a = run("The figures were disputed. - The Courier reports");
  CHECK(type_of(a, "Courier") == EntityType::Organization);
}

TEST_CASE("where a message is posted is a platform", "[nlp][names]") {
  const auto a = run("The mayor posted on Chirpline that the road was open.");
  CHECK(type_of(a, "Chirpline") == EntityType::Organization);
}
