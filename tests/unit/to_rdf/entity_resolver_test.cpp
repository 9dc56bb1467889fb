// Entity resolution across articles must give the same IRIs whatever order
// the articles' entities arrive in: the resolver is a function of the set.

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "loaders/to_rdf/entity_resolver.hpp"

using ng::loaders::EntityCatalog;
using ng::loaders::EntityClaim;
using ng::loaders::EntityResolver;
using ng::ontology::EntityType;

namespace {

const ng::ontology::IriMinter& minter() {
  static const ng::ontology::IriMinter instance;
  return instance;
}

EntityClaim person(std::string name, std::vector<std::string> aliases = {}) {
  return {EntityType::Person, std::move(name), {}, std::move(aliases), {}};
}
EntityClaim organization(std::string name, std::vector<std::string> aliases = {}) {
  return {EntityType::Organization, std::move(name), {}, std::move(aliases), {}};
}

// Every claim's IRI, with the claims added in the given order.
std::vector<std::string> resolve_all(const std::vector<EntityClaim>& claims, const std::vector<std::size_t>& order,
                                     const EntityCatalog& known = {}) {
  EntityResolver resolver(known, minter());
  for (std::size_t i : order) resolver.add_found(claims[i]);
  std::vector<std::string> out;
  for (const auto& claim : claims) out.push_back(resolver.resolve(claim));
  return out;
}

std::string person_iri(const std::string& slug) { return minter().person_namespace() + slug; }

}  // namespace

TEST_CASE("an entity lands on the same IRI whatever order the articles came in", "[to_rdf][resolver]") {
  const std::vector<EntityClaim> claims{
      person("Mara Velkin", {"Velkin"}), person("Velkin"), person("Tomas Velkin"),
      organization("Ostrel Port Authority", {"Port Authority"}), organization("Port Authority"),
      person("Ilka Brun"), person("Brun")};
  std::vector<std::size_t> order(claims.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto first = resolve_all(claims, order);
  do {
    CHECK(resolve_all(claims, order) == first);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("a surname alone links to the one person who has it, to neither of two", "[to_rdf][resolver]") {
  const std::vector<EntityClaim> one{person("Ilka Brun"), person("Brun")};
  CHECK(resolve_all(one, {0, 1})[1] == person_iri("ilka_brun"));
  const std::vector<EntityClaim> two{person("Mara Velkin"), person("Tomas Velkin"), person("Velkin")};
  CHECK(resolve_all(two, {0, 1, 2})[2] == person_iri("velkin"));
  CHECK(resolve_all(two, {2, 0, 1})[2] == person_iri("velkin"));
}

TEST_CASE("a name that is the alias of one other name links to it, of two to neither", "[to_rdf][resolver]") {
  const std::vector<EntityClaim> one{organization("Ostrel Port Authority", {"Port Authority"}),
                                     organization("Port Authority")};
  const auto linked = resolve_all(one, {1, 0});
  CHECK(linked[1] == linked[0]);
  CHECK(linked[0] == minter().organization_namespace() + "ostrel_port_authority");

  std::vector<EntityClaim> two = one;
  two.push_back(organization("Tarsk Port Authority", {"Port Authority"}));
  const auto apart = resolve_all(two, {0, 1, 2});
  CHECK(apart[1] == minter().organization_namespace() + "port_authority");
  CHECK(apart[0] != apart[2]);
}

TEST_CASE("two names that are each other's alias land on the smaller one", "[to_rdf][resolver]") {
  const std::vector<EntityClaim> claims{organization("Velmora Union", {"Dock Union"}),
                                        organization("Dock Union", {"Velmora Union"})};
  for (const auto& order : {std::vector<std::size_t>{0, 1}, std::vector<std::size_t>{1, 0}}) {
    const auto iris = resolve_all(claims, order);
    CHECK(iris[0] == iris[1]);
    CHECK(iris[0] == minter().organization_namespace() + "dock_union");
  }
}

TEST_CASE("a surname whose alias is a full name with that surname resolves, in any order", "[to_rdf][resolver]") {
  // "Velkin" is the canonical name, "Mara Velkin" its alias: the full name
  // leads to the surname, and the surname to the full names that carry it.
  const std::vector<EntityClaim> claims{person("Velkin", {"Mara Velkin"}), person("Mara Velkin"),
                                        person("Tomas Velkin")};
  std::vector<std::size_t> order{0, 1, 2};
  do {
    const auto iris = resolve_all(claims, order);
    CHECK(iris[0] == person_iri("velkin"));
    CHECK(iris[1] == iris[0]);
    CHECK(iris[2] == person_iri("tomas_velkin"));
  } while (std::next_permutation(order.begin(), order.end()));
  // Alone, the loop still lands on the surname.
  const std::vector<EntityClaim> alone{person("Brun", {"Ilka Brun"}), person("Ilka Brun")};
  for (const auto& each : {std::vector<std::size_t>{0, 1}, std::vector<std::size_t>{1, 0}}) {
    const auto iris = resolve_all(alone, each);
    CHECK(iris[0] == person_iri("brun"));
    CHECK(iris[1] == person_iri("brun"));
  }
}

TEST_CASE("a curated entity wins, and a curated name two entities share links to none", "[to_rdf][resolver]") {
  EntityCatalog known;
  known.add("urn:record:velkin", EntityType::Person, "Mara Velkin");
  const std::vector<EntityClaim> claims{person("Mara Velkin"), person("Velkin")};
  CHECK(resolve_all(claims, {0, 1}, known) == std::vector<std::string>{"urn:record:velkin", "urn:record:velkin"});

  known.add("urn:record:other", EntityType::Person, "Mara Velkin");
  const auto iris = resolve_all(claims, {0, 1}, known);
  CHECK(iris[0] == person_iri("mara_velkin"));
}

TEST_CASE("an article's extraction survives the store as JSON", "[to_rdf][resolver]") {
  ng::loaders::StoredExtraction extraction;
  extraction.entities = {person("Mara Velkin", {"Velkin", "Mayor Velkin"}),
                         {EntityType::Place, "Kiev", "Kyiv", {}, "https://newsgraph.example/place/kyiv"}};
  extraction.entities[0].iri = person_iri("mara_velkin");
  extraction.date_published = "2026-03-01T09:30:00+01:00";
  extraction.publisher = "Ostrel Courier";
  const auto back = ng::loaders::parse_stored_extraction(ng::loaders::to_json(extraction));
  REQUIRE(back);
  CHECK(*back == extraction);
  CHECK_FALSE(ng::loaders::parse_stored_extraction("not json"));
  CHECK_FALSE(ng::loaders::parse_stored_extraction("{\"entities\": [{\"t\": \"Spaceship\", \"n\": \"X\"}]}"));
}
