#pragma once
// Structured records (people, organisations, places, statements from CSV or
// JSON) as triples in the named graph of their file. Entity records are
// added to the catalog first, so that the names and aliases they give link
// the same entities found in articles to the record's IRI.

#include <string>
#include <vector>

#include "loaders/input/input_report.hpp"
#include "loaders/records/record.hpp"
#include "loaders/to_rdf/entity_catalog.hpp"
#include "ontology/iri_minter.hpp"
#include "ontology/term.hpp"

namespace ng::loaders {

struct RecordsGraph {
  std::string graph_iri;
  std::vector<ontology::Quad> quads;
  std::size_t entities = 0;
  std::size_t statements = 0;
};

// Statement records whose speaker or about names no known entity are
// reported as warnings (and kept without that link).
RecordsGraph records_to_rdf(const RecordSet& records, const std::string& url, EntityCatalog& catalog,
                            const ontology::IriMinter& minter, InputReport& report);

}  // namespace ng::loaders
