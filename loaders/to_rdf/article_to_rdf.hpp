#pragma once
// The one seam where an article and what the extractor found in it become
// triples: schema.org for the article, entities and statements (the output
// contract in README.md, "What the graph holds"), NIF for character offsets, W3C ORG for
// roles, PROV-O for provenance. All of an article's triples go into one
// named graph named by the article's IRI, so that the article can be
// replaced as a whole.

#include <cstddef>
#include <string>
#include <vector>

#include "loaders/news/article.hpp"
#include "loaders/nlp/document.hpp"
#include "loaders/to_rdf/entity_catalog.hpp"
#include "ontology/iri_minter.hpp"
#include "ontology/term.hpp"

namespace ng::loaders {

struct MappingOptions {
  // Keep the article's text (nif:isString) so offsets can be checked
  // against it and statements read in context.
  bool keep_text = true;
  // Write a NIF node per mention (offsets, sentence). Off keeps only
  // statements' offsets, for much smaller graphs.
  bool mention_offsets = true;
};

struct ArticleGraph {
  std::string article_iri;
  std::vector<ontology::Quad> quads;
  std::size_t entities = 0;
  std::size_t statements = 0;
};

// Changes whenever what newsgraph would write for the same article changes
// (the text, the metadata or the extractor), so unchanged articles can be
// skipped by an incremental build.
std::string article_fingerprint(const Article& article);

// Resolves the article's entities through (and teaches) the catalog, then
// maps everything to quads.
ArticleGraph article_to_rdf(const Article& article, const nlp::Document& document, EntityCatalog& catalog, const ontology::IriMinter& minter,
                            const MappingOptions& options = {});

// The schema.org classes of an entity: the base class first, then the most
// specific one newsgraph knows (schema:City, schema:GovernmentOrganization).
std::vector<std::string> entity_classes(const nlp::Entity& entity);

}  // namespace ng::loaders
