#pragma once
// A user's catalog of known entities as RDF (Turtle, N-Triples, N-Quads,
// RDF/XML):
// every subject typed schema:Person, schema:Organization or schema:Place (or
// a schema.org subclass of them) with schema:name, rdfs:label,
// skos:prefLabel, skos:altLabel or schema:alternateName. Entities the text
// finds under one of those names land on the catalog's IRI (which may be a
// Wikidata or GeoNames IRI itself), and the catalog's triples are stored in
// a named graph of their own.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "loaders/to_rdf/entity_catalog.hpp"
#include "ontology/term.hpp"

namespace ng::pipeline {

struct UserCatalog {
  std::vector<ontology::Quad> quads;  // in the catalog's named graph
  std::size_t entities = 0;
};

// Reads a catalog file and teaches its names to `catalog`. Throws IoError
// or ParseError (with line and column) for a file that cannot be used.
UserCatalog load_user_catalog(const std::string& path, const std::string& graph_name,
                              loaders::EntityCatalog& catalog);

// Teaches `catalog` the entities of quads read from a catalog or a records
// graph (types and names as above); returns how many entities had a name.
std::size_t add_catalog_entities(std::span<const ontology::Quad> quads, loaders::EntityCatalog& catalog);

}  // namespace ng::pipeline
