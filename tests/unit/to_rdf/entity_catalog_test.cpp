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

TEST_CASE("the first IRI to claim a name keeps it", "[to_rdf][catalog]") {
  EntityCatalog catalog;
  catalog.add("urn:a", EntityType::Place, "Tarsk");
  catalog.add("urn:b", EntityType::Place, "Tarsk");
  CHECK(catalog.find(EntityType::Place, "Tarsk") == "urn:a");
}
