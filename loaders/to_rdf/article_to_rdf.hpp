#pragma once
// The one seam where an article and what the extractor found in it become
// triples: schema.org for the article, entities and statements (the output
// contract in README.md, "What the graph holds"), NIF for character offsets, W3C ORG for
// roles, PROV-O for provenance. All of an article's triples go into one
// named graph named by the article's IRI, so that the article can be
// replaced as a whole.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/news/article.hpp"
#include "loaders/nlp/document.hpp"
#include "loaders/to_rdf/entity_claims.hpp"
#include "loaders/to_rdf/entity_resolver.hpp"
#include "loaders/to_rdf/mapping_layers.hpp"
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
  std::vector<ontology::Quad> quads;  // empty when they were streamed (see below)
  std::size_t quad_count = 0;          // how many were made
  // The entities' names and the IRIs they were given (also in the quads, as
  // ng:extraction): what a later build needs to link them again.
  StoredExtraction extraction;
  std::size_t entities = 0;
  std::size_t statements = 0;
};

// Changes whenever what newsgraph would write for the same article changes
// (the text, the metadata or the extractor), so unchanged articles can be
// skipped by an incremental build.
std::string article_fingerprint(const Article& article);

// Resolves the article's entities with the resolver (which should already
// know them: EntityResolver::add_found), then maps everything to quads.
ArticleGraph article_to_rdf(const Article& article, const nlp::Document& document, const EntityResolver& resolver,
                            const ontology::IriMinter& minter,
                            const MappingOptions& options = {});

// The same, handing the quads to `emit` in chunks of `chunk` as they are
// made (the last with what is left), so that memory for an article with a
// hundred thousand statements stays bounded by the chunk; the returned
// graph has no quads then.
ArticleGraph article_to_rdf(const Article& article, const nlp::Document& document, const EntityResolver& resolver,
                            const ontology::IriMinter& minter, const MappingOptions& options, std::size_t chunk,
                            const std::function<void(std::vector<ontology::Quad>&&)>& emit);

// The same from an extraction's mapping layers (mapping_layers.hpp) and the
// article's full text they point into: what a build keeps between its
// passes, and what it reads back from the store to map an article again.
ArticleGraph article_to_rdf(const Article& article, std::string_view text, const MappingLayers& layers,
                            const EntityResolver& resolver, const ontology::IriMinter& minter,
                            const MappingOptions& options, std::size_t chunk,
                            const std::function<void(std::vector<ontology::Quad>&&)>& emit);

// The schema.org classes of an entity: the base class first, then the most
// specific one newsgraph knows (schema:City, schema:GovernmentOrganization).
std::vector<std::string> entity_classes(const nlp::Entity& entity);

}  // namespace ng::loaders
