// ng_train parser: trains the dependency parser, on jackknifed tags.

#include <fmt/format.h>

#include <fstream>
#include <memory>
#include <optional>

#include "common/error.hpp"
#include "loaders/nlp/parser/parser_trainer.hpp"
#include "loaders/nlp/tagger/tagger_trainer.hpp"
#include "loaders/nlp/tagger/wordnet_classes.hpp"
#include "models/train/commands.hpp"

namespace ng::models {

namespace {

struct ParserCommand {
  std::vector<std::string> train;
  std::string dev, tagger_path, out, tagged_out, wordnet = kWordnetDir;
  nlp::parsing::ParserTrainOptions options;
  nlp::tagging::TaggerTrainOptions tagger_options;
  std::size_t jackknife = 0;
  double min_weight = 0;
  std::vector<std::string> variants;

  template <class Self>
  void add(CLI::App& app, std::shared_ptr<Self> self) {
    auto* cmd = app.add_subcommand("parser", "train the dependency parser");
    cmd->add_option("--train", train, "training treebanks (CoNLL-U), read in the order given")->required();
    cmd->add_option("--dev", dev, "score on this treebank after every epoch");
    cmd->add_option("--tagger", tagger_path, "tag --dev with this tagger model (gold tags otherwise)");
    cmd->add_option("--out", out, "model file to write")->required();
    cmd->add_option("--epochs", options.epochs, "passes over the training data");
    cmd->add_option("--seed", options.seed, "shuffling and exploration seed");
    cmd->add_option("--explore-from", options.explore_from, "first epoch that follows the model's moves");
    cmd->add_option("--explore-probability", options.explore_probability, "how often it follows them");
    cmd->add_option("--dev-last", options.dev_last, "score --dev only in the last N epochs");
    cmd->add_option("--jackknife", jackknife, "train on tags predicted by taggers trained on N-1 of N folds");
    cmd->add_option("--tagged-out", tagged_out, "write the jackknifed training set (CoNLL-U)");
    cmd->add_option("--wordnet", wordnet, "WordNet 3.0 dict directory for the jackknifed taggers (\"\" for none)");
    cmd->add_option("--min-weight", min_weight, "drop averaged weights smaller than this");
    cmd->add_option("--min-updates", options.compress.min_updates, "drop features updated fewer times");
    cmd->add_option("--weight-bits", options.compress.weight_bits, "8 or 16 bits per weight")->check(CLI::IsMember({8, 16}));
    cmd->add_option("--variant", variants,
                    "also write MIN_UPDATES:MIN_WEIGHT:BITS:FILE, the same weights compressed otherwise");
    cmd->callback([self] { self->run(); });
  }

  void run() {
    auto sentences = read_treebanks(train);
    if (jackknife > 1) {
      tagger_options.log = log_line;
      if (!wordnet.empty()) tagger_options.wordnet = nlp::tagging::read_wordnet_classes(wordnet);
      sentences = nlp::tagging::jackknife_tags(sentences, jackknife, tagger_options);
      if (!tagged_out.empty()) {
        std::ofstream tagged(tagged_out);
        nlp::model::write_conllu(tagged, sentences);
      }
    }
    std::vector<nlp::model::ConlluSentence> dev_sentences;
    std::string tagger_bytes;
    std::optional<nlp::Tagger> tagger;
    if (!dev.empty()) {
      dev_sentences = nlp::model::read_conllu_file(dev);
      options.dev = &dev_sentences;
    }
    if (!tagger_path.empty()) {
      tagger_bytes = read_file(tagger_path);
      tagger.emplace(tagger_bytes);
      options.dev_tagger = &*tagger;
    }
    options.compress.min_weight = static_cast<float>(min_weight);
    options.log = log_line;
    const auto trained = nlp::parsing::train_parser_weights(sentences, options);
    const std::string bytes = nlp::parsing::parser_model_file(trained, options.compress);
    write_file(out, bytes);
    log_line(fmt::format("wrote {} ({} bytes)", out, bytes.size()));
    for (const std::string& variant : variants) {
      const std::size_t a = variant.find(':'), b = variant.find(':', a + 1), c = variant.find(':', b + 1);
      if (a == std::string::npos || b == std::string::npos || c == std::string::npos)
        throw UsageError("--variant: MIN_UPDATES:MIN_WEIGHT:BITS:FILE");
      nlp::model::CompressOptions compress;
      compress.min_updates = static_cast<std::uint32_t>(std::stoul(variant.substr(0, a)));
      compress.min_weight = std::stof(variant.substr(a + 1, b - a - 1));
      compress.weight_bits = std::stoi(variant.substr(b + 1, c - b - 1));
      const std::string path = variant.substr(c + 1);
      const std::string variant_bytes = nlp::parsing::parser_model_file(trained, compress);
      write_file(path, variant_bytes);
      log_line(fmt::format("wrote {} ({} bytes)", path, variant_bytes.size()));
    }
  }
};

}  // namespace

void add_parser_command(CLI::App& app) {
  // The command's state lives as long as the callback that runs it.
  auto command = std::make_shared<ParserCommand>();
  command->add(app, command);
}

}  // namespace ng::models
