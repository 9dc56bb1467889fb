#include "pipeline/user_catalog.hpp"

#include <map>
#include <set>

#include "graph/rdf_parse.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::pipeline {

namespace {

namespace v = ontology::vocab;

std::optional<ontology::EntityType> type_of_class(const std::string& iri) {
  static const std::map<std::string, ontology::EntityType, std::less<>> kClasses = {
      {std::string(v::schema::kPerson), ontology::EntityType::Person},
      {std::string(v::schema::kOrganization), ontology::EntityType::Organization},
      {std::string(v::schema::kGovernmentOrganization), ontology::EntityType::Organization},
      {std::string(v::schema::kNewsMediaOrganization), ontology::EntityType::Organization},
      {std::string(v::schema::kPoliticalParty), ontology::EntityType::Organization},
      {std::string(v::schema::kCorporation), ontology::EntityType::Organization},
      {std::string(v::schema::kEducationalOrganization), ontology::EntityType::Organization},
      {std::string(v::schema::kSportsTeam), ontology::EntityType::Organization},
      {std::string(v::schema::kPlace), ontology::EntityType::Place},
      {std::string(v::schema::kCountry), ontology::EntityType::Place},
      {std::string(v::schema::kCity), ontology::EntityType::Place},
      {std::string(v::schema::kAdministrativeArea), ontology::EntityType::Place},
      {std::string(v::schema::kContinent), ontology::EntityType::Place},
      {std::string(v::schema::kRiverBodyOfWater), ontology::EntityType::Place},
      {std::string(v::schema::kBodyOfWater), ontology::EntityType::Place},
      {std::string(v::schema::kLandform), ontology::EntityType::Place},
      {std::string(v::schema::kCivicStructure), ontology::EntityType::Place},
  };
  const auto it = kClasses.find(iri);
  if (it == kClasses.end()) return std::nullopt;
  return it->second;
}

bool is_name_property(const std::string& iri) {
  return iri == v::schema::kName || iri == v::rdfs::kLabel || iri == v::skos::kPrefLabel ||
         iri == v::skos::kAltLabel || iri == v::schema::kAlternateName;
}

// "https://schema.org/" and "http://schema.org/" are the same vocabulary.
std::string http_schema(const std::string& iri) {
  constexpr std::string_view kHttps = "https://schema.org/";
  if (iri.rfind(kHttps, 0) == 0) return std::string(v::schema::kNamespace) + iri.substr(kHttps.size());
  return iri;
}

}  // namespace

UserCatalog load_user_catalog(const std::string& path, const std::string& graph_name,
                              loaders::EntityCatalog& catalog) {
  UserCatalog out;
  out.quads = graph::parse_rdf_file(path, graph_name);
  for (auto& q : out.quads) {
    q.graph_name = graph_name;  // quad files keep to the catalog's graph
    if (q.predicate.is_iri()) q.predicate.value = http_schema(q.predicate.value);
    if (q.object.is_iri()) q.object.value = http_schema(q.object.value);
  }
  out.entities = add_catalog_entities(out.quads, catalog);
  return out;
}

std::size_t add_catalog_entities(std::span<const ontology::Quad> quads, loaders::EntityCatalog& catalog) {
  std::map<std::string, ontology::EntityType> types;
  std::map<std::string, std::set<std::string>> names;
  for (const auto& q : quads) {
    if (!q.subject.is_iri()) continue;
    if (q.predicate.value == v::rdf::kType && q.object.is_iri()) {
      if (auto type = type_of_class(q.object.value)) types.emplace(q.subject.value, *type);
    } else if (is_name_property(q.predicate.value) && q.object.is_literal()) {
      names[q.subject.value].insert(q.object.value);
    }
  }
  std::size_t entities = 0;
  for (const auto& [iri, type] : types) {
    const auto it = names.find(iri);
    if (it == names.end()) continue;
    for (const auto& name : it->second) catalog.add(iri, type, name);
    ++entities;
  }
  return entities;
}

}  // namespace ng::pipeline
