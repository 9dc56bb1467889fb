#pragma once
// The name model's layer: the trained name finder (names/name_tagger.hpp)
// run over every sentence's tagged words, its names mapped back to tokens
// and bytes (Document::names). Title Case headlines and sentences without
// a capital letter are skipped: capitals say nothing in the first, and
// news names nobody in lower case.
//
// Pure: the output depends only on the document's words and sentences.
// Uses the built-in model (thread-safe, shared).

#include "loaders/nlp/document.hpp"

namespace ng::nlp {

// Fills doc.names. Needs doc.words (add_syntax).
void add_name_spans(Document& doc);

}  // namespace ng::nlp
