// ng_train tagger: trains the part-of-speech tagger.

#include <fmt/format.h>

#include <memory>

#include "loaders/nlp/tagger/tagger_trainer.hpp"
#include "loaders/nlp/tagger/wordnet_classes.hpp"
#include "models/train/commands.hpp"

namespace ng::models {

namespace {

struct TaggerCommand {
  std::vector<std::string> train;
  std::string dev, out, wordnet = kWordnetDir;
  nlp::tagging::TaggerTrainOptions options;
  double min_weight = 0;

  template <class Self>
  void add(CLI::App& app, std::shared_ptr<Self> self) {
    auto* cmd = app.add_subcommand("tagger", "train the part-of-speech tagger");
    cmd->add_option("--train", train, "training treebanks (CoNLL-U), read in the order given")->required();
    cmd->add_option("--dev", dev, "score on this treebank after every epoch");
    cmd->add_option("--out", out, "model file to write")->required();
    cmd->add_option("--epochs", options.epochs, "passes over the training data");
    cmd->add_option("--seed", options.seed, "shuffling seed");
    cmd->add_option("--min-weight", min_weight, "drop averaged weights smaller than this");
    cmd->add_option("--min-updates", options.compress.min_updates, "drop features updated fewer times");
    cmd->add_option("--weight-bits", options.compress.weight_bits, "8 or 16 bits per weight")->check(CLI::IsMember({8, 16}));
    cmd->add_option("--lexicon-min-count", options.lexicon.min_count, "words seen fewer times get no ambiguity class");
    cmd->add_option("--wordnet", wordnet, "WordNet 3.0 dict directory (\"\" for none)");
    cmd->add_option("--lexicon-folds", options.lexicon_folds, "jackknife folds for the training lexicon");
    cmd->add_option("--sure-count", options.lexicon.sure_count, "words tagged without scoring: at least this frequent");
    cmd->add_option("--sure-share", options.lexicon.sure_share, "... and with one tag at least this share of the time");
    cmd->callback([self] { self->run(); });
  }

  void run() {
    const auto sentences = read_treebanks(train);
    std::vector<nlp::model::ConlluSentence> dev_sentences;
    if (!dev.empty()) {
      dev_sentences = nlp::model::read_conllu_file(dev);
      options.dev = &dev_sentences;
    }
    options.compress.min_weight = static_cast<float>(min_weight);
    options.log = log_line;
    if (!wordnet.empty()) options.wordnet = nlp::tagging::read_wordnet_classes(wordnet);
    const std::string bytes = nlp::tagging::train_tagger(sentences, options);
    write_file(out, bytes);
    log_line(fmt::format("wrote {} ({} bytes)", out, bytes.size()));
  }
};

}  // namespace

void add_tagger_command(CLI::App& app) {
  // The command's state lives as long as the callback that runs it.
  auto command = std::make_shared<TaggerCommand>();
  command->add(app, command);
}

}  // namespace ng::models
