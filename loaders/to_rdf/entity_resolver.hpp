#pragma once
// Entity resolution across articles: which IRI an entity an article found
// lands on. The answer depends only on the set of everything known (the
// curated catalog and the entities of every article in the store), never on
// the order or the batches the articles were built in, so that building a
// corpus at once, in halves, or again with --force gives the same graph.
//
// The rules, for an entity of type T whose canonical name is c (the
// lexicon's name when it has one, else the fullest form in the text):
//  1. a curated entity (record, user catalog) that is the only one of type T
//     named by the entity's canonical name, name or one of its aliases, tried
//     in that order;
//  2. a person named by one word (a surname alone, "Velkin"): the one person,
//     curated or found in any article, whose name of two or more words ends
//     with it; two such people (or none): neither, the surname's own IRI;
//  3. c is an alias of exactly one other canonical name c' (every entity that
//     has "NATO" as an alias is "North Atlantic Treaty Organization"): the
//     IRI of c', by the same rules (a chain is followed; a cycle lands on
//     the smallest of its names);
//  4. else the IRI minted from c (the smallest spelling of c across articles).
//
// Not thread-safe: resolve() memoises. Build it, add everything, then resolve.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "loaders/to_rdf/entity_catalog.hpp"
#include "loaders/to_rdf/entity_claims.hpp"
#include "ontology/iri_minter.hpp"

namespace ng::loaders {

class EntityResolver {
 public:
  // `known` and `minter` must outlive the resolver.
  EntityResolver(const EntityCatalog& known, const ontology::IriMinter& minter);

  // An entity an article found (its iri is ignored).
  void add_found(const EntityClaim& claim);
  // The IRI the entity lands on.
  std::string resolve(const EntityClaim& claim) const;

 private:
  using Key = std::string;  // type digit + normalised name
  static Key key(ontology::EntityType type, const std::string& normalized);
  // `spelling`: the name as written, for minting when no article has it as
  // its canonical name.
  std::string resolve_name(ontology::EntityType type, const std::string& normalized, const std::string& spelling) const;
  std::string resolve_surname(const std::string& surname, const std::string& spelling) const;
  std::string mint(ontology::EntityType type, const std::string& normalized, const std::string& spelling) const;

  const EntityCatalog& known_;
  const ontology::IriMinter& minter_;
  std::unordered_map<Key, std::string> spelling_;              // canonical -> smallest spelling
  std::unordered_map<Key, std::set<std::string>> owners_;      // alias -> canonical names it is an alias of
  std::unordered_map<std::string, std::set<std::string>> surnames_;  // surname -> multi-word person names
  mutable std::unordered_map<Key, std::string> resolved_;      // canonical -> IRI (memo)
};

}  // namespace ng::loaders
