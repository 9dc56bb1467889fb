// ng_train names: trains the name finder and scores it on held-out text.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "common/error.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/nlp/model/ud_words.hpp"
#include "loaders/nlp/names/name_trainer.hpp"
#include "loaders/nlp/sentence_splitter.hpp"
#include "loaders/nlp/tokenizer.hpp"
#include "models/train/commands.hpp"

namespace ng::models {

namespace {

using nlp::names::LabelSpan;
using nlp::names::NameSentence;
using nlp::names::NameType;

// The UD words of a text, sentence by sentence.
std::vector<std::vector<std::string>> sentences_of(const std::string& text, bool has_title) {
  const auto tokens = nlp::tokenize(text);
  const auto split = nlp::split_sentences(text, tokens, has_title);
  std::vector<std::vector<std::string>> out;
  for (const auto& s : split.sentences) {
    std::vector<std::string_view> texts;
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) texts.push_back(tokens[t].span.of(text));
    std::vector<std::string> words;
    for (const auto& w : nlp::model::to_ud_words(texts)) words.emplace_back(w.form);
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

std::vector<std::string> words_of(const std::string& name) {
  auto sentences = sentences_of(name, false);
  std::vector<std::string> words;
  for (auto& s : sentences) words.insert(words.end(), s.begin(), s.end());
  return words;
}

// The names of a gold file projected onto its article's text: every
// occurrence of an entity's name or alias, longest first.
std::vector<NameSentence> project_gold(const std::string& text, bool has_title, const nlohmann::json& gold) {
  std::vector<std::pair<std::vector<std::string>, NameType>> surfaces;
  for (const auto& e : gold.at("entities")) {
    const std::string type = e.at("type").get<std::string>();
    const NameType t = type == "Person" ? NameType::Person
                       : type == "Organization" ? NameType::Organization
                                                : NameType::Place;
    std::vector<std::string> names{e.at("name").get<std::string>()};
    if (e.contains("aliases")) {
      for (const auto& a : e.at("aliases")) names.push_back(a.get<std::string>());
    }
    for (const auto& n : names) {
      auto words = words_of(n);
      if (!words.empty() && (words[0] == "the" || words[0] == "The")) words.erase(words.begin());
      if (!words.empty()) surfaces.emplace_back(std::move(words), t);
    }
  }
  std::stable_sort(surfaces.begin(), surfaces.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::vector<NameSentence> out;
  for (auto& words : sentences_of(text, has_title)) {
    NameSentence s;
    s.words = std::move(words);
    std::vector<std::uint8_t> taken(s.words.size(), 0);
    for (const auto& [surface, type] : surfaces) {
      for (std::size_t i = 0; i + surface.size() <= s.words.size(); ++i) {
        if (!std::equal(surface.begin(), surface.end(), s.words.begin() + static_cast<std::ptrdiff_t>(i))) continue;
        if (std::any_of(taken.begin() + static_cast<std::ptrdiff_t>(i),
                        taken.begin() + static_cast<std::ptrdiff_t>(i + surface.size()), [](auto x) { return x; })) {
          continue;
        }
        std::fill(taken.begin() + static_cast<std::ptrdiff_t>(i),
                  taken.begin() + static_cast<std::ptrdiff_t>(i + surface.size()), 1);
        s.names.push_back(LabelSpan{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + surface.size()), type});
      }
    }
    std::sort(s.names.begin(), s.names.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out.push_back(std::move(s));
  }
  return out;
}

// Articles (.txt: title line, then paragraphs; .jsonl: one article a line,
// named by its url's last part) paired with `gold`'s *.gold.json by "doc".
std::vector<NameSentence> read_project_gold(const std::string& articles, const std::string& gold_dir) {
  std::map<std::string, nlohmann::json> gold;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    if (!p.string().ends_with(".gold.json")) continue;
    auto json = nlohmann::json::parse(read_file(p.string()));
    std::string doc = json.at("doc").get<std::string>();
    if (doc.ends_with(".txt")) doc.resize(doc.size() - 4);
    gold.emplace(doc, std::move(json));
  }
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(articles)) inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  std::vector<NameSentence> out;
  const auto add = [&](const std::string& doc, const std::string& text) {
    const auto it = gold.find(doc);
    if (it == gold.end()) return;
    auto sentences = project_gold(text, true, it->second);
    std::move(sentences.begin(), sentences.end(), std::back_inserter(out));
  };
  for (const auto& p : inputs) {
    if (p.extension() == ".txt") {
      add(p.stem().string(), read_file(p.string()));
    } else if (p.extension() == ".jsonl") {
      std::ifstream in(p);
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto json = nlohmann::json::parse(line);
        std::string url = json.value("url", "");
        add(url.substr(url.rfind('/') + 1), json.value("title", "") + "\n\n" + json.value("text", ""));
      }
    }
  }
  return out;
}

struct NamesCommand {
  std::vector<std::string> uner, gum, bracketed, test_uner, test_gum;
  std::string articles, gold, tagger = "models/data/tagger.bin", out, dump;
  nlp::names::NameTrainOptions options;
  bool dev_each_epoch = false;
  int bracketed_times = 1;

  template <class Self>
  void add(CLI::App& app, std::shared_ptr<Self> self) {
    auto* cmd = app.add_subcommand("names", "train the name finder and score it on held-out text");
    cmd->add_option("--uner", uner, "UNER IOB2 files to train on, in the order given");
    cmd->add_option("--gum", gum, "GUM CoNLL-U files to train on (named mentions)");
    cmd->add_option("--bracketed", bracketed, "sentences written for newsgraph (\"[PER Anna Berg] said .\")");
    cmd->add_option("--bracketed-times", bracketed_times,
                    "read the bracketed files this many times: news sentences weigh more than web text")
        ->check(CLI::Range(1, 10));
    cmd->add_option("--articles", articles, "the project's articles (.txt, .jsonl) ...");
    cmd->add_option("--gold", gold, "... and their gold files (*.gold.json): names projected onto the text");
    cmd->add_option("--test-uner", test_uner, "held-out UNER IOB2 files to score on");
    cmd->add_option("--test-gum", test_gum, "held-out GUM CoNLL-U files to score on");
    cmd->add_option("--tagger", tagger, "part-of-speech tagger model (gives the words their tags)");
    cmd->add_option("--out", out, "model file to write")->required();
    cmd->add_option("--epochs", options.epochs, "passes over the training data");
    cmd->add_option("--seed", options.seed, "shuffling seed");
    cmd->add_flag("--dev-each-epoch", dev_each_epoch, "score the held-out UNER files after every epoch");
    cmd->add_option("--dump", dump, "write the training sentences, bracketed, to this file");
    cmd->callback([self] { self->run(); });
  }

  void report(const std::string& what, const nlp::names::NameScore& s) {
    log_line(fmt::format("{}: span F1 {:.4f} (P {:.4f} R {:.4f}, {} names)", what, s.all.f1(), s.all.precision(),
                         s.all.recall(), s.all.gold));
    for (std::size_t t = 0; t < nlp::names::kNameTypes; ++t) {
      const auto& c = s.by_type[t];
      log_line(fmt::format("  {}: F1 {:.4f} (P {:.4f} R {:.4f}, {} names)",
                           nlp::names::type_name(static_cast<NameType>(t)), c.f1(), c.precision(), c.recall(),
                           c.gold));
    }
  }

  void run() {
    std::vector<NameSentence> train;
    const auto append = [&](std::vector<NameSentence> more, const std::string& what) {
      log_line(fmt::format("{}: {} sentences", what, more.size()));
      std::move(more.begin(), more.end(), std::back_inserter(train));
    };
    for (const auto& f : uner) append(nlp::names::read_iob2_file(f), f);
    for (const auto& f : gum) append(nlp::names::gum_names(nlp::model::read_conllu_file(f)), f);
    for (int k = 0; k < bracketed_times; ++k) {
      for (const auto& f : bracketed) append(nlp::names::read_bracketed_file(f), f);
    }
    if (!articles.empty() && !gold.empty()) append(read_project_gold(articles, gold), articles);
    if (train.empty()) throw UsageError("ng_train names: nothing to train on");
    if (!dump.empty()) {
      std::string text;
      for (const auto& s : train) text += nlp::names::to_bracketed(s) + "\n";
      write_file(dump, text);
    }
    std::vector<NameSentence> test_u, test_g;
    for (const auto& f : test_uner) {
      auto more = nlp::names::read_iob2_file(f);
      std::move(more.begin(), more.end(), std::back_inserter(test_u));
    }
    for (const auto& f : test_gum) {
      auto more = nlp::names::gum_names(nlp::model::read_conllu_file(f));
      std::move(more.begin(), more.end(), std::back_inserter(test_g));
    }
    const std::string tagger_bytes = read_file(tagger);
    const nlp::Tagger pos_tagger(tagger_bytes);
    options.tagger = &pos_tagger;
    options.lexicon = &nlp::Lexicon::builtin();
    options.log = log_line;
    if (dev_each_epoch && !test_u.empty()) options.dev = &test_u;
    const std::string bytes = nlp::names::train_name_tagger(train, options);
    write_file(out, bytes);
    log_line(fmt::format("wrote {} ({} bytes)", out, bytes.size()));
    const nlp::names::NameTagger names(bytes, nlp::Lexicon::builtin());
    if (!test_u.empty()) report("held-out UNER", nlp::names::score_names(names, pos_tagger, test_u));
    if (!test_g.empty()) report("held-out GUM", nlp::names::score_names(names, pos_tagger, test_g));
  }
};

}  // namespace

void add_names_command(CLI::App& app) {
  auto command = std::make_shared<NamesCommand>();
  command->add(app, command);
}

}  // namespace ng::models
