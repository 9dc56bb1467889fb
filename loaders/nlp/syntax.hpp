#pragma once
// The syntax layer: every sentence's tokens as Universal Dependencies words
// (model/ud_words.hpp), tagged by the trained tagger, and parsed by the
// trained dependency parser where attribution needs a tree: sentences with
// a quotation mark, a speech verb or "according to". Parsing every sentence
// would halve the extractor's speed for trees nobody reads.
//
// Pure: the output depends only on the document's tokens and sentences.
// Uses the built-in models (thread-safe, shared).

#include "loaders/nlp/document.hpp"

namespace ng::nlp {

// Fills doc.words and each sentence's word range and `parsed` flag.
void add_syntax(Document& doc);

// Whether a sentence holds what attribution reads a tree for.
bool needs_parse(const Document& doc, const Sentence& sentence);

}  // namespace ng::nlp
