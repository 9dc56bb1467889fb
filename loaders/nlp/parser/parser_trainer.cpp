#include "loaders/nlp/parser/parser_trainer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>

#include "common/error.hpp"
#include "loaders/nlp/model/model_file.hpp"
#include "loaders/nlp/model/perceptron.hpp"
#include "loaders/nlp/model/training.hpp"
#include "loaders/nlp/model/word_form.hpp"
#include "loaders/nlp/parser/oracle.hpp"
#include "loaders/nlp/parser/parser_features.hpp"
#include "loaders/nlp/parser/transition_system.hpp"

namespace ng::nlp::parsing {

using model::ClassId;
using model::ConlluSentence;

namespace {

std::string describe(const ParserTrainOptions& options, std::size_t train_sentences) {
  return fmt::format("dependency parser (arc-hybrid, dynamic oracle), averaged perceptron\n"
                     "trained on {} sentences, {} epochs, seed {}\n",
                     train_sentences, options.epochs, options.seed);
}

struct Example {
  std::vector<ParserWord> words;
  std::vector<std::int32_t> heads;    // per position; [0] unused
  std::vector<std::uint16_t> labels;  // per position
};

std::string write_model(const model::AveragedPerceptron& perceptron, const std::vector<std::string>& labels,
                        const ParserLexicon& lexicon, const ParserTrainOptions& options,
                        std::size_t train_sentences) {
  return parser_model_file(
      TrainedParser{labels, lexicon.serialize(), perceptron.averaged(), describe(options, train_sentences)},
      options.compress);
}

std::vector<std::string_view> column(const ConlluSentence& s, std::string model::ConlluWord::*field) {
  std::vector<std::string_view> out;
  out.reserve(s.words.size());
  for (const auto& w : s.words) out.emplace_back(w.*field);
  return out;
}

std::string_view universal(std::string_view relation) { return relation.substr(0, relation.find(':')); }

}  // namespace

std::string parser_model_file(const TrainedParser& trained, const model::CompressOptions& compress) {
  model::ModelFileWriter file;
  file.add("kind", "parser 1");
  file.add("meta", trained.description);
  file.add("labels", model::join_lines(trained.labels));
  file.add("lexicon", trained.lexicon);
  file.add("weights", model::WeightTable::build(trained.rows, 1 + 2 * trained.labels.size(), compress));
  return file.finish();
}

std::string train_parser(const std::vector<ConlluSentence>& train, const ParserTrainOptions& options) {
  return parser_model_file(train_parser_weights(train, options), options.compress);
}

TrainedParser train_parser_weights(const std::vector<ConlluSentence>& train, const ParserTrainOptions& options) {
  std::map<std::string, std::uint16_t> label_ids;
  for (const auto& s : train) {
    for (const auto& w : s.words) label_ids.emplace(w.deprel, 0);
  }
  if (!label_ids.count("root")) throw Error("parser training: no root relation in the training data");
  std::vector<std::string> labels;
  for (auto& [name, id] : label_ids) {
    id = static_cast<std::uint16_t>(labels.size());
    labels.push_back(name);
  }
  const std::uint16_t root_label = label_ids.at("root");
  const std::size_t num_labels = labels.size();
  const std::size_t num_classes = 1 + 2 * num_labels;

  // The lexicon: the tags of the training data, as good as the tagger's
  // when the training data carries jackknifed tags.
  ParserLexicon::Counts counts;
  for (const auto& s : train) {
    for (const auto& w : s.words) ++counts[model::lower_word(model::normalize_word(w.form))][w.xpos];
  }
  const ParserLexicon lexicon = ParserLexicon::build(counts);

  std::vector<Example> examples(train.size());
  for (std::size_t s = 0; s < train.size(); ++s) {
    const auto& sentence = train[s];
    Example& e = examples[s];
    describe_words(column(sentence, &model::ConlluWord::form), column(sentence, &model::ConlluWord::xpos),
                   column(sentence, &model::ConlluWord::upos), lexicon, e.words);
    e.heads.assign(sentence.words.size() + 1, 0);
    e.labels.assign(sentence.words.size() + 1, 0);
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
      e.heads[i + 1] = static_cast<std::int32_t>(sentence.words[i].head);
      e.labels[i + 1] = label_ids.at(sentence.words[i].deprel);
    }
  }

  model::AveragedPerceptron perceptron(num_classes);
  model::Rng rng(options.seed);
  std::vector<model::FeatureKey> features;
  std::vector<float> scores(num_classes);
  std::vector<int> costs(num_classes);
  ParseState state(0);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const bool explore = epoch >= options.explore_from;
    std::size_t decisions = 0, mistakes = 0;
    for (std::size_t s : model::shuffled_order(examples.size(), rng)) {
      const Example& e = examples[s];
      const GoldTree gold{e.heads, e.labels};
      state.reset(e.words.size() - 1);
      while (!state.terminal()) {
        add_features(state, e.words, features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        perceptron.score(features, scores);
        const MoveCosts move = move_costs(state, gold);
        // The best-scoring allowed action, and the best-scoring among the
        // allowed actions of least cost.
        std::size_t guess = num_classes, truth = num_classes;
        int least = std::numeric_limits<int>::max();
        for (std::size_t c = 0; c < num_classes; ++c) {
          const Action action = class_action(c, num_labels);
          if (!state.allowed(action, root_label)) {
            costs[c] = -1;
            continue;
          }
          costs[c] = action_cost(state, gold, move, action);
          if (guess == num_classes || scores[c] > scores[guess]) guess = c;
          if (costs[c] < least || (costs[c] == least && scores[c] > scores[truth])) {
            least = costs[c];
            truth = c;
          }
        }
        perceptron.tick();
        ++decisions;
        if (costs[guess] > least) {
          ++mistakes;
          perceptron.update(features, static_cast<ClassId>(truth), static_cast<ClassId>(guess));
        }
        const bool follow_guess = explore && rng.chance(options.explore_probability);
        state.apply(class_action(follow_guess ? guess : truth, num_labels));
      }
    }
    if (options.log) {
      std::string line = fmt::format("epoch {}: {:.4f} of decisions wrong, {} features", epoch,
                                     static_cast<double>(mistakes) / static_cast<double>(decisions),
                                     perceptron.feature_count());
      if (options.dev && !options.dev->empty() && epoch + options.dev_last > options.epochs) {
        const std::string bytes = write_model(perceptron, labels, lexicon, options, train.size());
        const Parser parser(bytes);
        const ParsingScore score = score_parser(parser, *options.dev, options.dev_tagger);
        line += fmt::format(", dev UAS {:.4f} LAS {:.4f}, {} bytes", score.uas(), score.las(), bytes.size());
      }
      options.log(line);
    }
  }
  return TrainedParser{labels, lexicon.serialize(), perceptron.averaged(), describe(options, train.size())};
}

ParsingScore score_parser(const Parser& parser, const std::vector<ConlluSentence>& gold, const Tagger* tagger) {
  ParsingScore score;
  for (const auto& s : gold) {
    const auto forms = column(s, &model::ConlluWord::form);
    std::vector<Dependency> parsed;
    if (tagger) {
      parsed = parser.parse(forms, tagger->tag(forms));
    } else {
      parsed = parser.parse(forms, column(s, &model::ConlluWord::xpos), column(s, &model::ConlluWord::upos));
    }
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const auto& w = s.words[i];
      const bool head = parsed[i].head + 1 == static_cast<std::int32_t>(w.head);
      ++score.words;
      score.head_correct += head;
      score.labelled_correct += head && parsed[i].relation == w.deprel;
      score.universal_correct += head && universal(parsed[i].relation) == universal(w.deprel);
    }
  }
  return score;
}

}  // namespace ng::nlp::parsing
