#include <catch2/catch.hpp>

#include "nlp_test_support.hpp"

using namespace ng::nlp;
using namespace ng::nlp::test;

TEST_CASE("a surname alone resolves to the full name said earlier", "[nlp][coref]") {
  const auto a = run("Maria Ostrova opened the library. Ostrova said it would stay open late.");
  const Entity* e = entity(a, "Maria Ostrova");
  REQUIRE(e != nullptr);
  CHECK(e->mention_count == 2);
  CHECK(std::find(e->aliases.begin(), e->aliases.end(), "Ostrova") != e->aliases.end());
}

TEST_CASE("a surname shared by two people stays apart from both", "[nlp][coref]") {
  const auto a = run("Anna Halvorsen and Erik Halvorsen spoke. Halvorsen left early.");
  const Entity* anna = entity(a, "Anna Halvorsen");
  const Entity* erik = entity(a, "Erik Halvorsen");
  REQUIRE(anna != nullptr);
  REQUIRE(erik != nullptr);
  CHECK(anna != erik);
  CHECK(std::find(anna->aliases.begin(), anna->aliases.end(), "Halvorsen") == anna->aliases.end());
}

TEST_CASE("a short form of an organisation joins the full name", "[nlp][coref]") {
  const auto a = run("The Tarnovian Defence Ministry said the drill was over. The Defence Ministry gave no figures.");
  const Entity* e = entity(a, "Tarnovian Defence Ministry");
  REQUIRE(e != nullptr);
  CHECK(e->mention_count == 2);
}

TEST_CASE("a country's possessive before a generic ministry names it by the adjective", "[nlp][coref]") {
  const auto a = run("Kenya's Health Ministry confirmed the cases.");
  const Entity* e = entity(a, "Kenyan Health Ministry");
  REQUIRE(e != nullptr);
  CHECK(e->type == EntityType::Organization);
}

TEST_CASE("a river named with and without its head noun is one place", "[nlp][coref]") {
  const auto a = run("Barges crossed the Morava river at dawn. The Morava is shallow here.");
  const Entity* e = entity(a, "Morava river");
  REQUIRE(e != nullptr);
  CHECK(e->mention_count == 2);
}

TEST_CASE("a region and its city stay two places", "[nlp][coref]") {
  const auto a = run("Shelling hit Tarsk and several villages of the Tarsk region.");
  const Entity* city = entity(a, "Tarsk");
  const Entity* region = entity(a, "Tarsk region");
  REQUIRE(region != nullptr);
  CHECK(city != region);
}

TEST_CASE("the region of X and X region are one place", "[nlp][coref]") {
  const auto a = run("Troops left the province of Orlen. Residents of Orlen province returned.");
  const Entity* e = entity(a, "Orlen province");
  REQUIRE(e != nullptr);
  CHECK(e->mention_count == 2);
}

TEST_CASE("a pronoun speaker is the nearest named subject, not a person named after it", "[nlp][coref][statements]") {
  const auto a = ng::nlp::test::run(
      "Pavel Sorokin hired Ivan Petrov and Tomas Kerrigan in May.\n"
      "He testified that the three men had argued over the wages.");
  CHECK(ng::nlp::test::speaker_of(a, "the three men had argued") == "Pavel Sorokin");
}

TEST_CASE("a pronoun goes on with the speaker of the sentence before", "[nlp][coref][statements]") {
  const auto a = ng::nlp::test::run(
      "According to Pavel Sorokin, Ivan Petrov is the best pilot in the harbour. "
      "\u201CNobody knows the channel better,\u201D he said.");
  CHECK(ng::nlp::test::speaker_of(a, "Nobody knows the channel") == "Pavel Sorokin");
}

TEST_CASE("a pronoun speaker skips a person of the other gender", "[nlp][coref][statements]") {
  const auto a = ng::nlp::test::run(
      "Maria Ostrova met Pavel Sorokin at the harbour. \u201CThe pumps are too old,\u201D she said.");
  CHECK(ng::nlp::test::speaker_of(a, "The pumps are too old") == "Maria Ostrova");
}

TEST_CASE("a definite description of a person speaks for the person named as subject just before",
          "[nlp][coref][statements]") {
  const auto a = ng::nlp::test::run(
      "Pavel Sorokin gave evidence to the court in Tarsk on Monday. "
      "The security contractor said his colleagues had tried to kill him.");
  CHECK(ng::nlp::test::speaker_of(a, "his colleagues had tried") == "Pavel Sorokin");
}

TEST_CASE("a description of the other gender does not take the subject before", "[nlp][coref][statements]") {
  const auto a = ng::nlp::test::run(
      "Pavel Sorokin gave evidence to the court in Tarsk on Monday. "
      "The woman said her colleagues had tried to kill her.");
  CHECK(ng::nlp::test::statement(a, "her colleagues had tried") == nullptr);
}
