#pragma once
// Training and scoring the tagger on CoNLL-U treebanks (UD English EWT).
// Deterministic: the same sentences and options give the same model file,
// byte for byte.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/nlp/model/conllu.hpp"
#include "loaders/nlp/model/weight_table.hpp"
#include "loaders/nlp/tagger/tagger.hpp"
#include "loaders/nlp/tagger/tagger_lexicon.hpp"

namespace ng::nlp::tagging {

struct TaggerTrainOptions {
  int epochs = 8;
  std::uint64_t seed = 20240501;
  LexiconOptions lexicon;
  // WordNet's word classes (wordnet_classes.hpp), stored in the model; empty
  // to train without them.
  TaggerLexicon::Wordnet wordnet;
  // Training sentences get ambiguity classes from a lexicon built on the
  // other folds (1: from the whole training set).
  std::size_t lexicon_folds = 10;
  // Features updated once in training are dropped (40% smaller and faster
  // for the same accuracy); 8-bit weights score as well as 16-bit ones.
  model::CompressOptions compress{.min_updates = 2, .weight_bits = 8};
  // Scored after every epoch when not empty (for tuning; slower).
  const std::vector<model::ConlluSentence>* dev = nullptr;
  // Receives one line per epoch.
  std::function<void(const std::string&)> log;
};

// A tagger model file trained on `train` (UPOS and XPOS columns).
std::string train_tagger(const std::vector<model::ConlluSentence>& train, const TaggerTrainOptions& options);

// The training sentences with UPOS and XPOS replaced by the tags of
// taggers trained on the other folds (sentence i is in fold i % folds): a
// parser trained on them sees tags as good as the tagger's on new text,
// not the gold tags it will never see at run time.
std::vector<model::ConlluSentence> jackknife_tags(const std::vector<model::ConlluSentence>& train, std::size_t folds,
                                                  const TaggerTrainOptions& options);

struct TaggingScore {
  std::size_t words = 0;
  std::size_t upos_correct = 0;
  std::size_t xpos_correct = 0;
  std::size_t both_correct = 0;
  double upos() const noexcept { return words ? static_cast<double>(upos_correct) / static_cast<double>(words) : 0; }
  double xpos() const noexcept { return words ? static_cast<double>(xpos_correct) / static_cast<double>(words) : 0; }
  double both() const noexcept { return words ? static_cast<double>(both_correct) / static_cast<double>(words) : 0; }
};

// Tags the words of `gold` and compares with its UPOS and XPOS.
TaggingScore score_tagger(const Tagger& tagger, const std::vector<model::ConlluSentence>& gold);

// The forms of a sentence's words, as views.
std::vector<std::string_view> forms_of(const model::ConlluSentence& sentence);

}  // namespace ng::nlp::tagging
