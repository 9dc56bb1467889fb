#include "loaders/nlp/names/name_trainer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "common/error.hpp"
#include "loaders/nlp/model/model_file.hpp"
#include "loaders/nlp/model/perceptron.hpp"
#include "loaders/nlp/model/training.hpp"
#include "loaders/nlp/names/name_features.hpp"

namespace ng::nlp::names {

namespace {

std::vector<std::string_view> views_of(const std::vector<std::string>& words) {
  return {words.begin(), words.end()};
}

std::string write_model(const model::AveragedPerceptron& perceptron, const NameTrainOptions& options,
                        std::size_t train_sentences) {
  model::ModelFileWriter file;
  file.add("kind", "names 1");
  file.add("meta", fmt::format("name finder (BILOU over PER, ORG, LOC), averaged perceptron\n"
                               "trained on {} sentences, {} epochs, seed {}\n",
                               train_sentences, options.epochs, options.seed));
  const auto rows = perceptron.averaged();
  file.add("weights", model::WeightTable::build(rows, kNumLabels, options.compress));
  return file.finish();
}

}  // namespace

std::string train_name_tagger(const std::vector<NameSentence>& train, const NameTrainOptions& options) {
  if (!options.tagger || !options.lexicon) throw Error("name finder training needs a tagger and a lexicon");
  // Word data and gold labels are computed once, not per epoch.
  std::vector<std::vector<NameWord>> data(train.size());
  std::vector<std::vector<Label>> gold(train.size());
  std::vector<PosTag> tags;
  for (std::size_t s = 0; s < train.size(); ++s) {
    const auto words = views_of(train[s].words);
    options.tagger->tag(words, tags);
    describe_name_words(words, tags, *options.lexicon, data[s]);
    gold[s] = labels_of(train[s].names, words.size());
  }

  model::AveragedPerceptron perceptron(kNumLabels);
  model::Rng rng(options.seed);
  std::vector<model::FeatureKey> features;
  std::vector<float> scores(kNumLabels);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::size_t correct = 0, total = 0;
    for (std::size_t s : model::shuffled_order(train.size(), rng)) {
      Label prev1 = kOutside, prev2 = kOutside;
      for (std::size_t i = 0; i < data[s].size(); ++i) {
        const Label truth = gold[s][i];
        const bool open = !allowed_after(prev1)[kOutside];
        if (open ? !may_continue_name(data[s][i]) : !may_start_name(data[s][i])) {
          // As at run time: no name starts or goes on here (a lower-case
          // name of the web text is left out of training).
          correct += truth == kOutside;
          ++total;
          prev2 = prev1;
          prev1 = kOutside;
          continue;
        }
        add_name_features(data[s], i, prev1, prev2, features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        perceptron.score(features, scores);
        const auto& allowed = allowed_after(prev1);
        auto guess = static_cast<Label>(model::argmax<float>(scores, allowed));
        perceptron.tick();
        perceptron.update(features, truth, guess);
        correct += guess == truth;
        ++total;
        // The next word sees the gold label when the guess could not
        // continue it: a labelling the constraints cannot reach teaches
        // nothing.
        const Label next = allowed[truth] ? guess : truth;
        prev2 = prev1;
        prev1 = next;
      }
    }
    if (options.log) {
      std::string line = fmt::format("epoch {}: train labels {:.4f}, {} features", epoch,
                                     static_cast<double>(correct) / static_cast<double>(total),
                                     perceptron.feature_count());
      if (options.dev && !options.dev->empty()) {
        const std::string bytes = write_model(perceptron, options, train.size());
        const NameTagger tagger(bytes, *options.lexicon);
        const NameScore score = score_names(tagger, *options.tagger, *options.dev);
        line += fmt::format(", dev span F1 {:.4f} (PER {:.4f} ORG {:.4f} LOC {:.4f})", score.all.f1(),
                            score.by_type[0].f1(), score.by_type[1].f1(), score.by_type[2].f1());
      }
      options.log(line);
    }
  }
  return write_model(perceptron, options, train.size());
}

NameScore score_names(const NameTagger& names, const Tagger& tagger, const std::vector<NameSentence>& gold) {
  NameScore score;
  std::vector<PosTag> tags;
  for (const auto& s : gold) {
    const auto words = views_of(s.words);
    tagger.tag(words, tags);
    const auto found = names.find(words, tags);
    for (const auto& g : s.names) {
      ++score.all.gold;
      ++score.by_type[static_cast<std::size_t>(g.type)].gold;
    }
    for (const auto& f : found) {
      ++score.all.found;
      ++score.by_type[static_cast<std::size_t>(f.type)].found;
      const bool right = std::any_of(s.names.begin(), s.names.end(), [&](const LabelSpan& g) {
        return g.first == f.first && g.end == f.end && g.type == f.type;
      });
      if (right) {
        ++score.all.correct;
        ++score.by_type[static_cast<std::size_t>(f.type)].correct;
      }
    }
  }
  return score;
}

}  // namespace ng::nlp::names
