// ng_train evaluate: scores the models against a treebank.

#include <fmt/format.h>

#include <fstream>
#include <memory>
#include <optional>

#include "loaders/nlp/parser/parser_trainer.hpp"
#include "loaders/nlp/tagger/tagger_trainer.hpp"
#include "models/train/commands.hpp"

namespace ng::models {

namespace {

struct EvaluateCommand {
  std::string tagger_path, parser_path, test, output;

  template <class Self>
  void add(CLI::App& app, std::shared_ptr<Self> self) {
    auto* cmd = app.add_subcommand("evaluate", "score models on a treebank");
    cmd->add_option("--tagger", tagger_path, "tagger model file")->required();
    cmd->add_option("--parser", parser_path, "parser model file (parsed with the tagger's tags and gold tags)");
    cmd->add_option("--test", test, "gold treebank (CoNLL-U)")->required();
    cmd->add_option("--output", output, "write the predictions as CoNLL-U");
    cmd->callback([self] { self->run(); });
  }

  void run() {
    const std::string tagger_bytes = read_file(tagger_path);
    const nlp::Tagger tagger(tagger_bytes);
    auto sentences = nlp::model::read_conllu_file(test);
    const auto score = nlp::tagging::score_tagger(tagger, sentences);
    fmt::print("words {}\nUPOS {:.4f}\nXPOS {:.4f}\nUPOS+XPOS {:.4f}\n", score.words, score.upos(), score.xpos(),
               score.both());
    std::string parser_bytes;
    std::optional<nlp::Parser> parser;
    if (!parser_path.empty()) {
      parser_bytes = read_file(parser_path);
      parser.emplace(parser_bytes);
      const auto predicted = nlp::parsing::score_parser(*parser, sentences, &tagger);
      const auto gold = nlp::parsing::score_parser(*parser, sentences);
      fmt::print("UAS {:.4f}\nLAS {:.4f}\nLAS (universal relations) {:.4f}\n", predicted.uas(), predicted.las(),
                 predicted.las_universal());
      fmt::print("with gold tags: UAS {:.4f} LAS {:.4f}\n", gold.uas(), gold.las());
    }
    if (!output.empty()) {
      for (auto& s : sentences) {
        const auto forms = nlp::tagging::forms_of(s);
        const auto tags = tagger.tag(forms);
        std::vector<nlp::Dependency> arcs;
        if (parser) arcs = parser->parse(forms, tags);
        for (std::size_t i = 0; i < tags.size(); ++i) {
          s.words[i].misc = std::string(nlp::upos_name(tags[i].upos)) + "|" + std::string(tags[i].xpos);
          if (parser) {
            s.words[i].misc += fmt::format("|{}|{}", arcs[i].head + 1, arcs[i].relation);
          }
        }
      }
      std::ofstream out(output);
      nlp::model::write_conllu(out, sentences);
    }
  }
};

}  // namespace

void add_evaluate_command(CLI::App& app) {
  // The command's state lives as long as the callback that runs it.
  auto command = std::make_shared<EvaluateCommand>();
  command->add(app, command);
}

}  // namespace ng::models
