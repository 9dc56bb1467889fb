#pragma once
// Training and scoring the name finder. Deterministic: the same sentences
// and options give the same model file, byte for byte.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/model/weight_table.hpp"
#include "loaders/nlp/names/name_corpora.hpp"
#include "loaders/nlp/names/name_tagger.hpp"
#include "loaders/nlp/tagger/tagger.hpp"

namespace ng::nlp::names {

struct NameTrainOptions {
  int epochs = 10;
  std::uint64_t seed = 20261207;
  // 8-bit weights; features updated once in training are kept (the
  // training set is small and every rare name counts).
  model::CompressOptions compress{.min_updates = 1, .weight_bits = 8};
  // Gives the words their parts of speech, in training as at run time.
  const Tagger* tagger = nullptr;
  const Lexicon* lexicon = nullptr;
  // Scored after every epoch when not empty (for tuning; slower).
  const std::vector<NameSentence>* dev = nullptr;
  std::function<void(const std::string&)> log;
};

// A names model file trained on `train`. Throws ng::Error without a
// tagger or lexicon.
std::string train_name_tagger(const std::vector<NameSentence>& train, const NameTrainOptions& options);

// Exact-span scores: a found name counts when its words and type are the
// gold ones.
struct SpanCounts {
  std::size_t gold = 0, found = 0, correct = 0;
  double precision() const noexcept { return found ? static_cast<double>(correct) / static_cast<double>(found) : 0; }
  double recall() const noexcept { return gold ? static_cast<double>(correct) / static_cast<double>(gold) : 0; }
  double f1() const noexcept {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};
struct NameScore {
  SpanCounts all;
  std::array<SpanCounts, kNameTypes> by_type{};
};

// Finds the names of `gold`'s sentences and compares them with its names.
NameScore score_names(const NameTagger& names, const Tagger& tagger, const std::vector<NameSentence>& gold);

}  // namespace ng::nlp::names
