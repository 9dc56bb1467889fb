#pragma once
// Fills an entity catalog from what an existing store already holds, so that
// an incremental build links new articles to the entities of earlier ones.

#include <string>

#include "graph/store.hpp"
#include "loaders/to_rdf/entity_catalog.hpp"

namespace ng::pipeline {

// Adds every Person, Organization and Place of the store with its
// schema:name; for entities of record graphs (under `records_prefix`) also
// their schema:alternateName, since curated aliases are safe to link by.
void load_catalog(const graph::Store& store, const std::string& records_prefix,
                  loaders::EntityCatalog& catalog);

}  // namespace ng::pipeline
