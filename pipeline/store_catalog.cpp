#include "pipeline/store_catalog.hpp"

#include <map>
#include <set>
#include <vector>

#include "ontology/vocabulary.hpp"

namespace ng::pipeline {

namespace v = ontology::vocab;

void load_catalog(const graph::Store& store, const std::string& records_prefix,
                  loaders::EntityCatalog& catalog) {
  std::map<std::string, ontology::EntityType> types;
  std::map<std::string, std::set<std::string>> names;
  std::map<std::string, std::set<std::string>> record_aliases;
  store.for_each_quad([&](const ontology::Quad& q) {
    if (!q.subject.is_iri()) return;
    if (q.predicate.value == v::rdf::kType && q.object.is_iri()) {
      if (q.object.value == v::schema::kPerson) types.emplace(q.subject.value, ontology::EntityType::Person);
      if (q.object.value == v::schema::kOrganization) {
        types.emplace(q.subject.value, ontology::EntityType::Organization);
      }
      if (q.object.value == v::schema::kPlace) types.emplace(q.subject.value, ontology::EntityType::Place);
    } else if (q.predicate.value == v::schema::kName && q.object.is_literal()) {
      names[q.subject.value].insert(q.object.value);
    } else if (q.predicate.value == v::schema::kAlternateName && q.object.is_literal() &&
               q.graph_name.starts_with(records_prefix)) {
      record_aliases[q.subject.value].insert(q.object.value);
    }
  });
  // Records first: their names are the curated ones.
  for (const auto& [iri, aliases] : record_aliases) {
    const auto type = types.find(iri);
    if (type == types.end()) continue;
    for (const auto& n : names[iri]) catalog.add(iri, type->second, n);
    for (const auto& a : aliases) catalog.add(iri, type->second, a);
  }
  for (const auto& [iri, type] : types) {
    for (const auto& n : names[iri]) catalog.add(iri, type, n);
  }
}

}  // namespace ng::pipeline
