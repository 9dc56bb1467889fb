#pragma once
// What article_to_rdf reads of an extraction: the sentences' spans (and a
// dateline's credit), the entities, their mentions and the statements. Not
// the tokens, the syntactic words, the name model's spans or the
// paragraphs, which are most of an nlp::Document's memory and which mapping
// never reads.
//
// A build keeps an article's layers between its two passes (so that an
// article is extracted once per build), and stores them with the article
// (ng:mappingLayers) so that a later build can map it again, when its
// entities come to link elsewhere, from the store alone: no input read, no
// extraction.
//
// The stored form is compact text: a version tag, then integers (byte
// offsets as differences from the previous one) and length-prefixed strings.
// It holds no entity names: those are in the article's ng:extraction (its
// EntityClaims, in entity order), and parsing takes them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/nlp/document.hpp"
#include "loaders/to_rdf/entity_claims.hpp"

namespace ng::loaders {

struct MappedSentence {
  nlp::Span span;
  // The bytes between the parentheses of a dateline "VELMORA (Northwire) -":
  // an agency credited there is where the article comes from. Empty when
  // the sentence has none.
  nlp::Span credit;
};

struct MappingLayers {
  std::vector<MappedSentence> sentences;
  std::vector<nlp::Entity> entities;  // mention_count is not kept
  std::vector<nlp::Mention> mentions;  // form is not kept
  std::vector<nlp::Statement> statements;
};

// The layers of an extraction (`document.text` is the article's full text).
MappingLayers mapping_layers(const nlp::Document& document);

// The stored form. `text` is the article's full text (a statement's text is
// written only when it differs from its content's bytes).
std::string to_stored_layers(const MappingLayers& layers, std::string_view text);

// The layers back from their stored form, the entities named by `claims`
// (the article's ng:extraction). Nothing when `stored` is not such a form of
// this version, or does not fit `claims` and `text` (another entity count,
// an offset past the text): the article is then extracted again.
std::optional<MappingLayers> parse_stored_layers(std::string_view stored, const std::vector<EntityClaim>& claims,
                                                 std::string_view text);

}  // namespace ng::loaders
