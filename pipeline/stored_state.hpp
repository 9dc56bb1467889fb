#pragma once
// What a build reads back from the store that earlier builds left: the
// fingerprints that let unchanged inputs be skipped, the curated entities of
// the records and catalog graphs, every article's extraction (the names of
// its entities and the IRIs they were given), one graph's quads, and an
// article as its source gave it with its mapping layers, to map it again
// without extracting it. Reads only, through the public Store API and SPARQL.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/store.hpp"
#include "loaders/news/article.hpp"
#include "loaders/to_rdf/entity_catalog.hpp"
#include "loaders/to_rdf/entity_claims.hpp"
#include "ontology/term.hpp"

namespace ng::pipeline {

// Subject IRI -> its ng:contentHash: articles, records and catalog graphs.
// Nothing for a subject with two (never unchanged).
std::unordered_map<std::string, std::optional<std::string>> load_fingerprints(const graph::Store& store);

// Article IRI -> its ng:extraction; nothing for an article stored without
// one (by an older newsgraph) or with one that cannot be read.
std::map<std::string, std::optional<loaders::StoredExtraction>> load_extractions(const graph::Store& store);

// One article's ng:extraction; nothing when it has none, several, or one
// that cannot be read (as load_extractions).
std::optional<loaders::StoredExtraction> stored_extraction(const graph::Store& store, const std::string& iri);

// The quads of one named graph (as the store holds them; blank nodes as
// the store labels them).
std::vector<ontology::Quad> graph_quads(const graph::Store& store, const std::string& graph_name);

// Teaches `catalog` the entities of every named graph under `records_prefix`
// (records and user catalogs), except the graphs in `skip` (about to be
// replaced).
void load_known_entities(const graph::Store& store, const std::string& records_prefix,
                         const std::set<std::string>& skip, loaders::EntityCatalog& catalog);

// The article stored under `iri`, as its source gave it: rebuilt from its
// url, headline, text (nif:isString), language and the metadata its
// extraction keeps. Nothing when the store cannot give it back exactly (no
// text, built with --no-text; or it does not match its fingerprint).
std::optional<loaders::Article> stored_article(const graph::Store& store, const std::string& iri,
                                               const loaders::StoredExtraction& extraction);

// The article's mapping layers as stored (ng:mappingLayers, in the form of
// loaders/to_rdf/mapping_layers.hpp). Nothing when it has none (stored by an
// older newsgraph, or built with --no-text) or more than one.
std::optional<std::string> stored_mapping_layers(const graph::Store& store, const std::string& iri);

}  // namespace ng::pipeline
