#include "ontology/entity_type.hpp"

#include <array>
#include <string>
#include <utility>

namespace ng::ontology {

std::optional<EntityType> parse_entity_type(std::string_view text) noexcept {
  std::string lower;
  for (char c : text) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  static constexpr std::array<std::pair<std::string_view, EntityType>, 12> kNames{{
      {"person", EntityType::Person},
      {"per", EntityType::Person},
      {"people", EntityType::Person},
      {"organization", EntityType::Organization},
      {"organisation", EntityType::Organization},
      {"org", EntityType::Organization},
      {"place", EntityType::Place},
      {"location", EntityType::Place},
      {"loc", EntityType::Place},
      {"gpe", EntityType::Place},
      {"country", EntityType::Place},
      {"city", EntityType::Place},
  }};
  for (const auto& [name, type] : kNames) {
    if (lower == name) return type;
  }
  return std::nullopt;
}

}  // namespace ng::ontology
