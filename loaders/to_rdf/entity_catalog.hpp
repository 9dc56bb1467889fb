#pragma once
// The entities newsgraph already knows, by name: from structured records,
// from the store's earlier builds, and from articles read earlier in this
// build. Linking through the catalog is what gives one real entity one IRI
// across articles and sources: a record's "North Atlantic Treaty
// Organization" with alias "NATO" and the text's "NATO" meet here, and a
// surname alone ("Saldo") finds the one known person whose name ends with it.
// People who share a surname stay apart: a surname shared by two known
// people links to neither.

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ontology/entity_type.hpp"

namespace ng::loaders {

class EntityCatalog {
 public:
  // Names compare as users and the scorer compare them: NFKC-ish case
  // folding, no leading "the", no trailing possessive, no punctuation, single
  // spaces ("The Guardian's" == "guardian").
  static std::string normalize(std::string_view name);

  // Adds a name of an entity. The first IRI to claim a (type, name) keeps it.
  void add(const std::string& iri, ontology::EntityType type, std::string_view name);
  std::optional<std::string> find(ontology::EntityType type, std::string_view name) const;
  // The one person whose name of two or more words ends with `surname`.
  std::optional<std::string> find_person_by_surname(std::string_view surname) const;
  // The known type of an IRI, if any.
  std::optional<ontology::EntityType> type_of(const std::string& iri) const;

  std::size_t size() const noexcept { return types_.size(); }

 private:
  static std::string key(ontology::EntityType type, const std::string& normalized);
  std::unordered_map<std::string, std::string> iri_by_name_;          // key -> IRI
  std::unordered_map<std::string, std::set<std::string>> surnames_;  // surname -> person IRIs
  std::unordered_map<std::string, ontology::EntityType> types_;       // IRI -> type
};

}  // namespace ng::loaders
