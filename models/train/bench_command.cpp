// ng_train bench: times the models on one core.

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <memory>

#include "loaders/nlp/parser/parser.hpp"
#include "loaders/nlp/tagger/tagger.hpp"
#include "loaders/nlp/tagger/tagger_trainer.hpp"
#include "models/train/commands.hpp"

namespace ng::models {

namespace {

// CPU time of this thread: the machine is shared, and wall time would
// count the time other processes hold the core.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct BenchCommand {
  std::string tagger_path, parser_path, input;
  int repeat = 5;

  template <class Self>
  void add(CLI::App& app, std::shared_ptr<Self> self) {
    auto* cmd = app.add_subcommand("bench", "time the models on one core");
    cmd->add_option("--tagger", tagger_path, "tagger model file")->required();
    cmd->add_option("--parser", parser_path, "parser model file");
    cmd->add_option("--input", input, "sentences to run on (CoNLL-U)")->required();
    cmd->add_option("--repeat", repeat, "passes over the input (the best is reported)");
    cmd->callback([self] { self->run(); });
  }

  void run() {
    const std::string tagger_bytes = read_file(tagger_path);
    const nlp::Tagger tagger(tagger_bytes);
    const auto sentences = nlp::model::read_conllu_file(input);
    std::vector<std::vector<std::string_view>> forms;
    std::size_t words = 0;
    for (const auto& s : sentences) {
      forms.push_back(nlp::tagging::forms_of(s));
      words += s.words.size();
    }
    double best = 1e30;
    std::size_t checksum = 0;
    std::vector<nlp::PosTag> tags;
    for (int r = 0; r < repeat; ++r) {
      const double start = cpu_seconds();
      for (const auto& f : forms) {
        tagger.tag(f, tags);
        checksum += tags.empty() ? 0 : tags.back().id;
      }
      best = std::min(best, cpu_seconds() - start);
    }
    fmt::print("tagger: {} words in {:.3f} s: {:.0f} words/s (checksum {})\n", words, best,
               static_cast<double>(words) / best, checksum);
    if (parser_path.empty()) return;
    const std::string parser_bytes = read_file(parser_path);
    const nlp::Parser parser(parser_bytes);
    std::vector<std::vector<nlp::PosTag>> tagged;
    for (const auto& f : forms) tagged.push_back(tagger.tag(f));
    best = 1e30;
    for (int r = 0; r < repeat; ++r) {
      const double start = cpu_seconds();
      for (std::size_t s = 0; s < forms.size(); ++s) {
        const auto arcs = parser.parse(forms[s], tagged[s]);
        checksum += arcs.empty() ? 0 : static_cast<std::size_t>(arcs.back().head + 1);
      }
      best = std::min(best, cpu_seconds() - start);
    }
    fmt::print("parser: {} words in {:.3f} s: {:.0f} words/s (checksum {})\n", words, best,
               static_cast<double>(words) / best, checksum);
  }
};

}  // namespace

void add_bench_command(CLI::App& app) {
  // The command's state lives as long as the callback that runs it.
  auto command = std::make_shared<BenchCommand>();
  command->add(app, command);
}

}  // namespace ng::models
