#include "pipeline/store_catalog.hpp"

#include <map>
#include <string_view>
#include <set>
#include <vector>

#include "ontology/vocabulary.hpp"

namespace ng::pipeline {

namespace v = ontology::vocab;

// Reads the store's indexes by predicate (graph/store_ids.hpp) rather than
// every quad: an incremental build of a few articles into a big store reads
// only the types and names.
void load_catalog(const graph::Store& store, const std::string& records_prefix,
                  loaders::EntityCatalog& catalog) {
  graph::TermCache terms(store);
  const auto id = [&](std::string_view iri) { return terms.id(ontology::Term::iri(std::string(iri))); };
  std::map<std::string, ontology::EntityType> types;
  std::map<std::string, std::set<std::string>> names;
  std::map<std::string, std::set<std::string>> record_aliases;
  // Person first, then Organization, then Place: an IRI typed twice keeps
  // the first, whatever order the store holds them in.
  const std::pair<std::string_view, ontology::EntityType> classes[] = {
      {v::schema::kPerson, ontology::EntityType::Person},
      {v::schema::kOrganization, ontology::EntityType::Organization},
      {v::schema::kPlace, ontology::EntityType::Place}};
  const auto type = id(v::rdf::kType);
  for (const auto& [class_iri, entity_type] : classes) {
    const auto cls = id(class_iri);
    if (!type || !cls) continue;
    for (graph::QuadCursor c = store.match({graph::kAnyTerm, *type, *cls, graph::kAnyTerm}, graph::Distinct::Triples);
         !c.at_end(); c.next()) {
      const ontology::Term& subject = terms.term(c.quad().subject);
      if (subject.is_iri()) types.emplace(subject.value, entity_type);
    }
  }
  if (const auto name = id(v::schema::kName)) {
    for (graph::QuadCursor c = store.match({graph::kAnyTerm, *name, graph::kAnyTerm, graph::kAnyTerm},
                                           graph::Distinct::Triples);
         !c.at_end(); c.next()) {
      const ontology::Term& subject = terms.term(c.quad().subject);
      const ontology::Term& object = terms.term(c.quad().object);
      if (subject.is_iri() && object.is_literal()) names[subject.value].insert(object.value);
    }
  }
  if (const auto alternate = id(v::schema::kAlternateName)) {
    for (graph::QuadCursor c = store.match({graph::kAnyTerm, *alternate, graph::kAnyTerm, graph::kAnyTerm},
                                           graph::Distinct::Quads);
         !c.at_end(); c.next()) {
      const ontology::Term& subject = terms.term(c.quad().subject);
      const ontology::Term& object = terms.term(c.quad().object);
      if (subject.is_iri() && object.is_literal() && terms.term(c.quad().graph).value.starts_with(records_prefix)) {
        record_aliases[subject.value].insert(object.value);
      }
    }
  }
  // Records first: their names are the curated ones.
  for (const auto& [iri, aliases] : record_aliases) {
    const auto it = types.find(iri);
    if (it == types.end()) continue;
    for (const auto& n : names[iri]) catalog.add(iri, it->second, n);
    for (const auto& a : aliases) catalog.add(iri, it->second, a);
  }
  for (const auto& [iri, entity_type] : types) {
    for (const auto& n : names[iri]) catalog.add(iri, entity_type, n);
  }
}

}  // namespace ng::pipeline
