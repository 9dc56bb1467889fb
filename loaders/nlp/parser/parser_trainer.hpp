#pragma once
// Training and scoring the parser on CoNLL-U treebanks (UD English EWT).
// Training follows the model's own moves with the dynamic oracle
// (oracle.hpp) once it has seen the data once (error exploration).
// Deterministic: the same sentences and options give the same model file.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "loaders/nlp/model/conllu.hpp"
#include "loaders/nlp/model/weight_table.hpp"
#include "loaders/nlp/parser/parser.hpp"
#include "loaders/nlp/tagger/tagger.hpp"

namespace ng::nlp::parsing {

struct ParserTrainOptions {
  int epochs = 12;  // dev scores stop improving after 10
  std::uint64_t seed = 20240502;
  // From this epoch on (1-based), training follows the model's move with
  // this probability, and the oracle's best move otherwise.
  int explore_from = 2;
  double explore_probability = 0.9;
  // Features updated fewer than 4 times are dropped, weights kept in 8 bits:
  // 42 MB -> 10 MB for 0.2 points of UAS and LAS on EWT dev.
  model::CompressOptions compress{.min_updates = 4, .weight_bits = 8};
  // Scored after every epoch when not empty, with this tagger's tags when
  // one is given (for tuning; slower).
  const std::vector<model::ConlluSentence>* dev = nullptr;
  const Tagger* dev_tagger = nullptr;
  int dev_last = 1000;  // score dev only in the last N epochs
  std::function<void(const std::string&)> log;
};

// A parser model file trained on `train` (FORM, UPOS, XPOS, HEAD, DEPREL),
// compressed with options.compress.
std::string train_parser(const std::vector<model::ConlluSentence>& train, const ParserTrainOptions& options);

// The trained weights before compression, to write with several settings.
struct TrainedParser {
  std::vector<std::string> labels;
  std::string lexicon;  // ParserLexicon::serialize
  std::vector<model::WeightRow> rows;
  std::string description;
};
TrainedParser train_parser_weights(const std::vector<model::ConlluSentence>& train, const ParserTrainOptions& options);
std::string parser_model_file(const TrainedParser& trained, const model::CompressOptions& compress);

struct ParsingScore {
  std::size_t words = 0;
  std::size_t head_correct = 0;       // UAS
  std::size_t labelled_correct = 0;   // LAS, relation with subtype
  std::size_t universal_correct = 0;  // LAS on the universal part only (as conll18_ud_eval.py)
  double uas() const noexcept { return ratio(head_correct); }
  double las() const noexcept { return ratio(labelled_correct); }
  double las_universal() const noexcept { return ratio(universal_correct); }
  double ratio(std::size_t n) const noexcept { return words ? static_cast<double>(n) / static_cast<double>(words) : 0; }
};

// Parses the words of `gold` and compares with its HEAD and DEPREL, every
// word counted, punctuation included. Tags come from `tagger` when given,
// from the gold UPOS and XPOS otherwise.
ParsingScore score_parser(const Parser& parser, const std::vector<model::ConlluSentence>& gold,
                          const Tagger* tagger = nullptr);

}  // namespace ng::nlp::parsing
