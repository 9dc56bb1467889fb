#pragma once
// What the extractor found for each entity of an article before entities are
// linked across articles: its type and its names, and, once mapped, the IRI
// it was given. A build keeps this in the article's graph (ng:extraction, a
// JSON literal) so that a later build can link every article's entities
// again against the whole store, whatever order and batches the articles
// came in (entity_resolver.hpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/nlp/document.hpp"
#include "ontology/entity_type.hpp"

namespace ng::loaders {

struct EntityClaim {
  ontology::EntityType type = ontology::EntityType::Person;
  std::string name;                  // the fullest form in the text
  std::string key_name;              // the lexicon's name, when it differs
  std::vector<std::string> aliases;  // other forms in the text
  std::string iri;                   // the IRI it was mapped to; empty before mapping

  // The name IRIs are minted from and other articles link by.
  const std::string& canonical() const noexcept { return key_name.empty() ? name : key_name; }
  bool operator==(const EntityClaim&) const = default;
};

// What an article's graph keeps of its extraction and of its source: the
// entities' claims, and the metadata the graph holds in mapped form only, so
// that the article can be mapped again from the store.
struct StoredExtraction {
  std::vector<EntityClaim> entities;
  std::optional<std::string> date_published;
  std::optional<std::string> author;
  std::optional<std::string> publisher;
  bool operator==(const StoredExtraction&) const = default;
};

// The claims of an analysis's entities, in entity order, without IRIs.
std::vector<EntityClaim> entity_claims(const nlp::Document& analysis);
std::vector<EntityClaim> entity_claims(const std::vector<nlp::Entity>& entities);

// As the compact JSON kept in the store, and back. Nothing for text that is
// not such JSON (an article stored by an older newsgraph has none).
std::string to_json(const StoredExtraction& extraction);
std::optional<StoredExtraction> parse_stored_extraction(std::string_view json);

}  // namespace ng::loaders
