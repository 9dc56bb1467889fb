// The entity index must find every stored article whose links change when
// articles are added or change (pipeline/entity_index.hpp): checked against
// resolving everything before and after, on many random stores of invented
// names where surnames, aliases and lexicon names overlap.

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "graph/store.hpp"
#include "loaders/to_rdf/entity_catalog.hpp"
#include "loaders/to_rdf/entity_resolver.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/entity_index.hpp"

namespace {

using ng::loaders::EntityClaim;
using ng::loaders::EntityResolver;
using ng::ontology::EntityType;
using Articles = std::map<std::string, std::vector<EntityClaim>>;

const std::vector<std::string> kFirst{"Ola", "Anna", "Jon"};
const std::vector<std::string> kLast{"Ferrand", "Velkin", "Morel"};
const std::vector<std::string> kOrgs{"Harbour Board",  "Tarsk Harbour Board",   "Board",
                                     "Port Authority", "Ostrel Port Authority", "Dockers Union"};

// Claims as the extractor makes them: a person's name is the fullest form
// in the text (a surname alone, or a first name and a surname, with the
// surname as an alias); an organisation's names are any of the others.
EntityClaim random_claim(std::mt19937& random) {
  const auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  EntityClaim claim;
  if (random() % 2 == 0) {
    claim.type = EntityType::Person;
    const std::string last = pick(kLast);
    claim.name = random() % 3 == 0 ? last : pick(kFirst) + " " + last;
    if (claim.name != last && random() % 2 == 0) claim.aliases.push_back(last);
    // Now and then the other way round: a surname with a full name as its
    // alias, which leads from the surname back to itself.
    if (claim.name == last && random() % 4 == 0) claim.aliases.push_back(pick(kFirst) + " " + last);
  } else {
    claim.type = EntityType::Organization;
    claim.name = pick(kOrgs);
    if (random() % 2 == 0) claim.aliases.push_back(pick(kOrgs));
    if (random() % 5 == 0) claim.key_name = pick(kOrgs);
  }
  return claim;
}

std::vector<EntityClaim> random_article(std::mt19937& random) {
  std::vector<EntityClaim> claims(1 + random() % 3);
  for (auto& claim : claims) claim = random_claim(random);
  return claims;
}

// Every claim's IRI with everything in `articles` known.
std::map<std::string, std::vector<std::string>> resolve_all(const Articles& articles,
                                                            const ng::loaders::EntityCatalog& catalog,
                                                            const ng::ontology::IriMinter& minter) {
  EntityResolver resolver(catalog, minter);
  for (const auto& [iri, claims] : articles) {
    for (const auto& claim : claims) resolver.add_found(claim);
  }
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [iri, claims] : articles) {
    for (const auto& claim : claims) out[iri].push_back(resolver.resolve(claim));
  }
  return out;
}

}  // namespace

TEST_CASE("the entity index finds every earlier article whose links change", "[pipeline][incremental][index]") {
  const ng::loaders::EntityCatalog catalog;
  const ng::ontology::IriMinter minter;
  std::size_t relinked = 0, checked = 0;
  for (unsigned seed = 1; seed <= 200; ++seed) {
    INFO("seed " << seed);
    std::mt19937 random(seed);
    Articles before;
    for (int a = 0; a < 8; ++a) before["article/" + std::to_string(a)] = random_article(random);
    ng::graph::Store store({"", ng::graph::StoreOptions::Mode::ReadWrite, true});
    {
      ng::pipeline::EntityIndex fresh = ng::pipeline::EntityIndex::fresh();
      for (const auto& [iri, claims] : before) fresh.add(iri, claims);
      fresh.write(store, minter.base());
      store.commit();
    }
    // Some articles change, some are new.
    Articles after = before;
    std::set<std::string> changed;
    for (int n = 0; n < 3; ++n) {
      const std::string iri = "article/" + std::to_string(random() % 11);
      after[iri] = random_article(random);
      changed.insert(iri);
    }
    std::optional<ng::pipeline::EntityIndex> index = ng::pipeline::EntityIndex::load(store, minter.base());
    REQUIRE(index);
    for (const auto& iri : changed) {
      if (before.count(iri)) index->withdraw(iri, before.at(iri));
      index->add(iri, after.at(iri));
    }
    EntityResolver resolver(catalog, minter);
    index->teach(resolver);
    const std::set<std::string> candidates = index->articles_at(store, index->nodes_to_check());

    const auto old_links = resolve_all(before, catalog, minter);
    const auto new_links = resolve_all(after, catalog, minter);
    for (const auto& [iri, links] : old_links) {
      if (changed.count(iri)) continue;
      // The index's resolver is the one a clean build of `after` has.
      for (std::size_t c = 0; c < after.at(iri).size(); ++c) {
        CHECK(resolver.resolve(after.at(iri)[c]) == new_links.at(iri)[c]);
      }
      if (links != new_links.at(iri)) {
        ++relinked;
        INFO(iri << " relinks");
        CHECK(candidates.count(iri) == 1);
      }
    }
    checked += candidates.size();
  }
  // The random stores do relink articles, and the index does not simply
  // name every article.
  CHECK(relinked > 20);
  CHECK(checked < 200 * 8);
}
