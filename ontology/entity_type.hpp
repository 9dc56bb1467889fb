#pragma once
// The three kinds of named entity newsgraph knows. Shared by the readers of
// structured records, the extractor and the RDF mapping.

#include <optional>
#include <string_view>

namespace ng::ontology {

enum class EntityType : unsigned char { Person, Organization, Place };

constexpr std::string_view to_string(EntityType type) noexcept {
  switch (type) {
    case EntityType::Person: return "Person";
    case EntityType::Organization: return "Organization";
    case EntityType::Place: return "Place";
  }
  return "Place";
}

// Accepts "Person", "person", "PER", "Organization", "organisation", "org",
// "ORG", "Place", "location", "LOC", "GPE" (case-insensitive).
std::optional<EntityType> parse_entity_type(std::string_view text) noexcept;

}  // namespace ng::ontology
