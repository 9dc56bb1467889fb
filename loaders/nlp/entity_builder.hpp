#pragma once
// Decides what each name candidate names and which candidates name the same
// entity within an article:
// - typing from evidence: structure (head nouns, titles, suffixes), the
//   lexicons (places, organisations, given names), and context (appositives,
//   "in X", "X, Country", speech verbs); evidence is pooled over every
//   occurrence of the same name in the article, so one clear occurrence
//   types the rest;
// - coreference of names: a surname or title + surname joins the full name
//   said elsewhere in the article; "Defence Ministry" joins "Russian Defence
//   Ministry"; "the Dnipro" joins "the Dnipro river"; "Tarsk Oblast" and
//   "province of Tarsk" join "Tarsk region"; "the Ministry" joins the
//   ministry named before it;
// - names in Title Case headlines, matched against the article's entities.

#include <string_view>
#include <vector>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/document.hpp"
#include "loaders/nlp/name_finder.hpp"

namespace ng::nlp {

class EntityBuilder {
 public:
  explicit EntityBuilder(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Fills doc.entities and doc.mentions (sorted by span). Needs doc.tokens
  // and doc.sentences.
  void build(const std::vector<NameCandidate>& candidates, Document& doc) const;

 private:
  const Lexicon& lexicon_;
};

}  // namespace ng::nlp
