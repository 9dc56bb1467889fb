#include "loaders/nlp/tagger/tagger_trainer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/error.hpp"
#include "loaders/nlp/model/model_file.hpp"
#include "loaders/nlp/model/perceptron.hpp"
#include "loaders/nlp/model/training.hpp"
#include "loaders/nlp/model/word_form.hpp"
#include "loaders/nlp/tagger/tagger_features.hpp"

namespace ng::nlp::tagging {

using model::ClassId;
using model::ConlluSentence;

namespace {

std::string class_name(const model::ConlluWord& w) { return w.upos + '\t' + w.xpos; }

// The model file of the current averaged weights.
std::string write_model(const model::AveragedPerceptron& perceptron, const std::vector<std::string>& classes,
                        const TaggerLexicon& lexicon, const TaggerTrainOptions& options,
                        std::size_t train_sentences) {
  model::ModelFileWriter file;
  file.add("kind", "tagger 1");
  file.add("meta", fmt::format("part-of-speech tagger (UPOS+XPOS), averaged perceptron\n"
                               "trained on {} sentences, {} epochs, seed {}\n",
                               train_sentences, options.epochs, options.seed));
  file.add("classes", model::join_lines(classes));
  file.add("lexicon", lexicon.serialize_words());
  file.add("wordnet", lexicon.serialize_wordnet());
  const auto rows = perceptron.averaged();
  file.add("weights", model::WeightTable::build(rows, classes.size(), options.compress));
  return file.finish();
}

}  // namespace

std::vector<std::string_view> forms_of(const ConlluSentence& sentence) {
  std::vector<std::string_view> forms;
  forms.reserve(sentence.words.size());
  for (const auto& w : sentence.words) forms.emplace_back(w.form);
  return forms;
}

std::string train_tagger(const std::vector<ConlluSentence>& train, const TaggerTrainOptions& options) {
  // Classes: every (UPOS, XPOS) pair of the training data, sorted.
  std::map<std::string, ClassId> class_ids;
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      if (!parse_upos(w.upos)) throw Error("tagger training: unknown UPOS " + w.upos);
      class_ids.emplace(class_name(w), 0);
    }
  }
  std::vector<std::string> classes;
  for (auto& [name, id] : class_ids) {
    id = static_cast<ClassId>(classes.size());
    classes.push_back(name);
  }

  // The lexicon of the model comes from the whole training set. The
  // training sentences see a lexicon built without them (jackknifing, one
  // fold at a time): otherwise every training word would be known and the
  // model would learn to trust ambiguity classes more than it should on
  // new text.
  const auto count_words = [&](std::size_t skip_fold) {
    TaggerLexicon::Counts counts;
    for (std::size_t s = 0; s < train.size(); ++s) {
      if (options.lexicon_folds > 1 && s % options.lexicon_folds == skip_fold) continue;
      for (const auto& w : train[s].words) {
        auto& per_tag = counts[model::normalize_word(w.form)];
        per_tag.resize(classes.size());
        ++per_tag[class_ids.at(class_name(w))];
      }
    }
    return counts;
  };
  const std::size_t no_fold = ~std::size_t{0};
  const TaggerLexicon lexicon = TaggerLexicon::build(count_words(no_fold), options.lexicon, options.wordnet);

  // Word data and gold classes are computed once, not per epoch.
  std::vector<std::vector<WordData>> data(train.size());
  std::vector<std::vector<ClassId>> gold(train.size());
  // (WordData points into its lexicon: the fold lexicons live until training ends.)
  const std::size_t folds = std::max<std::size_t>(1, options.lexicon_folds);
  std::vector<TaggerLexicon> fold_lexicons;
  for (std::size_t fold = 0; fold < folds && folds > 1; ++fold) {
    fold_lexicons.push_back(TaggerLexicon::build(count_words(fold), options.lexicon, options.wordnet));
  }
  for (std::size_t s = 0; s < train.size(); ++s) {
    describe_words(forms_of(train[s]), folds > 1 ? fold_lexicons[s % folds] : lexicon, data[s]);
  }
  for (std::size_t s = 0; s < train.size(); ++s) {
    for (const auto& w : train[s].words) gold[s].push_back(class_ids.at(class_name(w)));
  }

  model::AveragedPerceptron perceptron(classes.size());
  model::Rng rng(options.seed);
  std::vector<model::FeatureKey> features;
  std::vector<float> scores(classes.size());
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::size_t correct = 0, total = 0;
    for (std::size_t s : model::shuffled_order(train.size(), rng)) {
      std::uint32_t prev1 = kNoTag, prev2 = kNoTag;
      for (std::size_t i = 0; i < data[s].size(); ++i) {
        const ClassId truth = gold[s][i];
        ClassId guess;
        if (data[s][i].info && data[s][i].info->sure) {
          guess = data[s][i].info->top;  // as at tagging time: no scoring, no update
        } else {
          add_features(data[s], i, prev1, prev2, features);
          std::fill(scores.begin(), scores.end(), 0.0f);
          perceptron.score(features, scores);
          guess = static_cast<ClassId>(model::argmax<float>(scores));
          perceptron.tick();
          perceptron.update(features, truth, guess);
        }
        correct += guess == truth;
        ++total;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    if (options.log) {
      std::string line = fmt::format("epoch {}: train {:.4f}, {} features", epoch,
                                     static_cast<double>(correct) / static_cast<double>(total),
                                     perceptron.feature_count());
      if (options.dev && !options.dev->empty()) {
        const std::string bytes = write_model(perceptron, classes, lexicon, options, train.size());
        const Tagger tagger(bytes);
        const TaggingScore score = score_tagger(tagger, *options.dev);
        line += fmt::format(", dev UPOS {:.4f} XPOS {:.4f}, {} bytes", score.upos(), score.xpos(), bytes.size());
      }
      options.log(line);
    }
  }
  return write_model(perceptron, classes, lexicon, options, train.size());
}

std::vector<ConlluSentence> jackknife_tags(const std::vector<ConlluSentence>& train, std::size_t folds,
                                           const TaggerTrainOptions& options) {
  if (folds < 2) throw Error("jackknifing needs two folds at least");
  std::vector<ConlluSentence> out = train;
  TaggerTrainOptions fold_options = options;
  fold_options.dev = nullptr;
  for (std::size_t fold = 0; fold < folds; ++fold) {
    std::vector<ConlluSentence> rest;
    for (std::size_t s = 0; s < train.size(); ++s) {
      if (s % folds != fold) rest.push_back(train[s]);
    }
    const std::string bytes = train_tagger(rest, fold_options);
    const Tagger tagger(bytes);
    std::vector<PosTag> tags;
    for (std::size_t s = fold; s < train.size(); s += folds) {
      tagger.tag(forms_of(train[s]), tags);
      for (std::size_t i = 0; i < tags.size(); ++i) {
        out[s].words[i].upos = std::string(upos_name(tags[i].upos));
        out[s].words[i].xpos = std::string(tags[i].xpos);
      }
    }
    if (options.log) options.log(fmt::format("jackknife: fold {} of {} tagged", fold + 1, folds));
  }
  return out;
}

TaggingScore score_tagger(const Tagger& tagger, const std::vector<ConlluSentence>& gold) {
  TaggingScore score;
  std::vector<PosTag> tags;
  for (const auto& s : gold) {
    tagger.tag(forms_of(s), tags);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const bool upos = upos_name(tags[i].upos) == s.words[i].upos;
      const bool xpos = tags[i].xpos == s.words[i].xpos;
      ++score.words;
      score.upos_correct += upos;
      score.xpos_correct += xpos;
      score.both_correct += upos && xpos;
    }
  }
  return score;
}

}  // namespace ng::nlp::tagging
