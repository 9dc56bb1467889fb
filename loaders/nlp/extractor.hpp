#pragma once
// The extractor's entry point: one article's text in, its sentences,
// entities, mentions and statements out. A pure function of the text and
// the lexicons, linear in the text's length, safe to run on many articles
// in parallel (the lexicon is read-only).

#include <string>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/document.hpp"

namespace ng::nlp {

struct ExtractOptions {
  // The text starts with the article's title as its own paragraph.
  bool has_title = true;
};

Document analyze(std::string text, const Lexicon& lexicon, const ExtractOptions& options = {});

}  // namespace ng::nlp
