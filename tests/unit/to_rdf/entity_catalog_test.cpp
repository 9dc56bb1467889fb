#include <catch2/catch.hpp>

#include "loaders/to_rdf/entity_catalog.hpp"

using ng::loaders::EntityCatalog;
using ng::ontology::EntityType;

TEST_CASE("names are compared the way people compare them", "[to_rdf][catalog]") {
  CHECK(EntityCatalog::normalize("The Guardian's") == "guardian");
  CHECK(EntityCatalog::normalize("U.S.") == EntityCatalog::normalize("US"));
  CHECK(EntityCatalog::normalize("Jean-Pierre  Lafont") == "jean pierre lafont");
}

TEST_CASE("an alias finds the entity of the same type only", "[to_rdf][catalog]") {
  EntityCatalog catalog;
  catalog.add("urn:o:nsc", EntityType::Organization, "Northern Sea Council");
  catalog.add("urn:o:nsc", EntityType::Organization, "NSC");
  CHECK(catalog.find(EntityType::Organization, "the NSC") == "urn:o:nsc");
  CHECK_FALSE(catalog.find(EntityType::Person, "NSC"));
}

TEST_CASE("a surname finds the one person it belongs to", "[to_rdf][catalog]") {
  EntityCatalog catalog;
  catalog.add("urn:p:1", EntityType::Person, "Maria Ostrova");
  CHECK(catalog.find_person_by_surname("Ostrova") == "urn:p:1");
  catalog.add("urn:p:2", EntityType::Person, "Ivan Ostrova");
  CHECK_FALSE(catalog.find_person_by_surname("Ostrova"));  // two people: neither
}

TEST_CASE("a name two entities share finds neither and is listed as ambiguous", "[to_rdf][catalog]") {
  EntityCatalog catalog;
  catalog.add("urn:a", EntityType::Place, "Tarsk");
  catalog.add("urn:b", EntityType::Place, "Tarsk");
  catalog.add("urn:b", EntityType::Place, "Tarsk Old Town");
  CHECK_FALSE(catalog.find(EntityType::Place, "Tarsk"));
  CHECK(catalog.find(EntityType::Place, "Tarsk Old Town") == "urn:b");
  const auto ambiguous = catalog.ambiguous();
  REQUIRE(ambiguous.size() == 1);
  CHECK(ambiguous[0].name == "Tarsk");
  CHECK(ambiguous[0].iris == std::vector<std::string>{"urn:a", "urn:b"});
}

TEST_CASE("the same entity added twice under one name is not ambiguous", "[to_rdf][catalog]") {
  EntityCatalog catalog;
  catalog.add("urn:a", EntityType::Place, "Tarsk");
  catalog.add("urn:a", EntityType::Place, "tarsk");
  CHECK(catalog.find(EntityType::Place, "Tarsk") == "urn:a");
  CHECK(catalog.ambiguous().empty());
}
