#pragma once
// The entities newsgraph knows by name from curated sources: the records
// (CSV, JSON) and the user's catalogs (--catalog). A record's "North
// Atlantic Treaty Organization" with alias "NATO" and the text's "NATO"
// meet here. A name two curated entities share is ambiguous: it finds
// neither (and ambiguous() lists it, so that the user can be told), rather
// than silently giving every mention to whichever came first.
//
// What articles find is linked across articles by EntityResolver
// (entity_resolver.hpp), which looks here first.

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

  // Adds a name of an entity. Adding the same (IRI, type, name) twice is harmless.
  void add(const std::string& iri, ontology::EntityType type, std::string_view name);
  // The one entity of this type with this name; nothing when none or several have it.
  std::optional<std::string> find(ontology::EntityType type, std::string_view name) const;
  // Every person whose name of two or more words ends with `surname`.
  std::set<std::string> persons_with_surname(std::string_view surname) const;
  // The one person whose name of two or more words ends with `surname`.
  std::optional<std::string> find_person_by_surname(std::string_view surname) const;
  // The known type of an IRI, if any.
  std::optional<ontology::EntityType> type_of(const std::string& iri) const;

  // A name that more than one entity of a type claims.
  struct Ambiguity {
    ontology::EntityType type;
    std::string name;               // as first added
    std::vector<std::string> iris;  // sorted
  };
  // Sorted by type and name.
  std::vector<Ambiguity> ambiguous() const;

  std::size_t size() const noexcept { return types_.size(); }

 private:
  struct Named {
    std::string name;            // the first spelling added
    std::set<std::string> iris;  // every IRI that claims it
  };
  static std::string key(ontology::EntityType type, const std::string& normalized);
  std::unordered_map<std::string, Named> by_name_;                   // key -> IRIs
  std::unordered_map<std::string, std::set<std::string>> surnames_;  // surname -> person IRIs
  std::unordered_map<std::string, ontology::EntityType> types_;       // IRI -> type
};

}  // namespace ng::loaders
