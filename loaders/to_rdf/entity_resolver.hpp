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
// What the resolver knows is a set of facts, each taught by some claim
// (facts()): a node (a type and a normalised name) has a spelling; a node,
// an alias, names a canonical name; a node, a surname, belongs to a full
// name. A node's resolution reads only its own facts and the resolution of
// the nodes its facts point to (depends_on()), which is what lets a build
// find the few earlier articles new facts can relink (pipeline/entity_index.hpp).
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

  // A fact: of `kind` ('s': the node's spelling is `value`; 'o': the node is
  // an alias of the canonical name `value`, of the node's type; 'n': the
  // node, a one-word person name, is the surname of the person `value`),
  // about `node` (a type digit, then a normalised name).
  struct Fact {
    char kind = 's';
    std::string node;
    std::string value;
    auto operator<=>(const Fact&) const = default;
  };
  // What a claim teaches (add_found adds exactly these).
  static std::vector<Fact> facts(const EntityClaim& claim);
  // The node whose resolution a fact makes its own node's read ('o', 'n');
  // empty for 's'.
  static std::string depends_on(const Fact& fact);
  // The node a claim's resolution starts from (after the curated entities);
  // empty when its canonical name normalises to nothing.
  static std::string start_node(const EntityClaim& claim);

  // An entity an article found (its iri is ignored).
  void add_found(const EntityClaim& claim);
  void add_fact(const Fact& fact);
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
  // Surnames being resolved right now: a full name that is the alias of its
  // own surname leads back to it, and must not recurse without end.
  mutable std::set<std::string> surnames_open_;
};

}  // namespace ng::loaders
