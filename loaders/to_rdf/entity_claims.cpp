#include "loaders/to_rdf/entity_claims.hpp"

#include <nlohmann/json.hpp>

namespace ng::loaders {

namespace {

using nlohmann::json;

// Short keys: one such literal per article, in every export.
void put(json& object, const char* key, const std::optional<std::string>& value) {
  if (value) object[key] = *value;
}

std::optional<std::string> get(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

std::vector<EntityClaim> entity_claims(const nlp::Document& analysis) { return entity_claims(analysis.entities); }

std::vector<EntityClaim> entity_claims(const std::vector<nlp::Entity>& entities) {
  std::vector<EntityClaim> claims;
  claims.reserve(entities.size());
  for (const nlp::Entity& e : entities) claims.push_back({e.type, e.name, e.key_name, e.aliases, {}});
  return claims;
}

std::string to_json(const StoredExtraction& extraction) {
  json entities = json::array();
  for (const EntityClaim& c : extraction.entities) {
    json entity = {{"t", std::string(ontology::to_string(c.type))}, {"n", c.name}, {"i", c.iri}};
    if (!c.key_name.empty()) entity["k"] = c.key_name;
    if (!c.aliases.empty()) entity["a"] = c.aliases;
    entities.push_back(std::move(entity));
  }
  json out = {{"entities", std::move(entities)}};
  put(out, "date", extraction.date_published);
  put(out, "author", extraction.author);
  put(out, "publisher", extraction.publisher);
  return out.dump();
}

std::optional<StoredExtraction> parse_stored_extraction(std::string_view text) {
  const json parsed = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object() || !parsed.contains("entities") || !parsed["entities"].is_array()) return std::nullopt;
  StoredExtraction out;
  for (const json& entity : parsed["entities"]) {
    if (!entity.is_object()) return std::nullopt;
    const auto type = get(entity, "t");
    const auto name = get(entity, "n");
    const auto parsed_type = type ? ontology::parse_entity_type(*type) : std::nullopt;
    if (!parsed_type || !name) return std::nullopt;
    EntityClaim claim;
    claim.type = *parsed_type;
    claim.name = *name;
    claim.key_name = get(entity, "k").value_or("");
    claim.iri = get(entity, "i").value_or("");
    if (const auto aliases = entity.find("a"); aliases != entity.end() && aliases->is_array()) {
      for (const json& alias : *aliases) {
        if (alias.is_string()) claim.aliases.push_back(alias.get<std::string>());
      }
    }
    out.entities.push_back(std::move(claim));
  }
  out.date_published = get(parsed, "date");
  out.author = get(parsed, "author");
  out.publisher = get(parsed, "publisher");
  return out;
}

}  // namespace ng::loaders
