#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "loaders/nlp/model/model_file.hpp"
#include "loaders/nlp/tagger/tagger.hpp"
#include "loaders/nlp/tagger/tagger_features.hpp"
#include "loaders/nlp/tagger/tagger_trainer.hpp"
#include "models_test_support.hpp"

using namespace ng::nlp;
using ng::nlp::test::words_of;

namespace {

std::vector<std::string> xpos_of(const std::vector<PosTag>& tags) {
  std::vector<std::string> out;
  for (const auto& t : tags) out.emplace_back(t.xpos);
  return out;
}

}  // namespace

TEST_CASE("training the tagger on a tiny treebank fits it, byte for byte the same twice", "[nlp][tagger]") {
  const auto tiny = test::tiny_treebank();
  tagging::TaggerTrainOptions options;
  options.epochs = 6;
  options.lexicon_folds = 3;
  options.compress.min_updates = 0;  // on 22 sentences most features are updated once
  const std::string first = tagging::train_tagger(tiny, options);
  const std::string second = tagging::train_tagger(tiny, options);
  CHECK(first == second);
  const Tagger tagger(first);
  const auto score = tagging::score_tagger(tagger, tiny);
  CHECK(score.words > 150);
  CHECK(score.upos() >= 0.97);
  CHECK(score.xpos() >= 0.95);
  options.seed += 1;
  CHECK(tagging::train_tagger(tiny, options) != first);
}

TEST_CASE("the built-in tagger tags an invented news sentence", "[nlp][tagger]") {
  const Tagger& tagger = Tagger::builtin();
  const auto words = words_of("The mayor of Tulsa said on Monday that the bridge would reopen .");
  const auto tags = tagger.tag(words);
  REQUIRE(tags.size() == words.size());
  CHECK(xpos_of(tags) ==
        std::vector<std::string>{"DT", "NN", "IN", "NNP", "VBD", "IN", "NNP", "IN", "DT", "NN", "MD", "VB", "."});
  CHECK(tags[3].upos == Upos::PROPN);
  CHECK(tags[4].upos == Upos::VERB);
  CHECK(tags[10].upos == Upos::AUX);
  CHECK(tags[12].upos == Upos::PUNCT);
}

TEST_CASE("the built-in tagger tells a past tense from a participle", "[nlp][tagger]") {
  const auto passive = Tagger::builtin().tag(words_of("The plant was closed by the company ."));
  CHECK(passive[3].xpos == "VBN");
  const auto past = Tagger::builtin().tag(words_of("Workers closed the gates on Monday ."));
  CHECK(past[1].xpos == "VBD");
  const auto perfect = Tagger::builtin().tag(words_of("The union has closed its offices ."));
  CHECK(perfect[3].xpos == "VBN");
}

TEST_CASE("curly quotes, apostrophes and em dashes tag like the treebank's ASCII", "[nlp][tagger]") {
  const Tagger& tagger = Tagger::builtin();
  const auto typeset = tagger.tag(words_of("\u201C We do n\u2019t know \u2014 yet , \u201D she said ."));
  const auto ascii = tagger.tag(words_of("\" We do n't know -- yet , \" she said ."));
  REQUIRE(typeset.size() == 12);
  CHECK(xpos_of(typeset) == xpos_of(ascii));
  CHECK(typeset[0].upos == Upos::PUNCT);
  CHECK(typeset[3].xpos == "RB");
  CHECK(typeset[5].upos == Upos::PUNCT);
  CHECK(typeset[9].upos == Upos::PRON);
}

TEST_CASE("tagging gives the same tags on any number of threads", "[nlp][tagger]") {
  const Tagger& tagger = Tagger::builtin();
  const std::vector<std::string> sentences = {
      "Officials in Norland said the port would close on Friday .",
      "She told reporters she had not seen the report .",
      "Prices rose 3 % in March , the agency said .",
  };
  std::vector<std::vector<std::string>> expected;
  for (const auto& s : sentences) expected.push_back(xpos_of(tagger.tag(words_of(s))));
  std::vector<int> mismatches(4, 0);
  test::on_threads(4, [&](std::size_t t) {
    for (int round = 0; round < 50; ++round) {
      for (std::size_t s = 0; s < sentences.size(); ++s) {
        if (xpos_of(tagger.tag(words_of(sentences[s]))) != expected[s]) ++mismatches[t];
      }
    }
  });
  CHECK(mismatches == std::vector<int>(4, 0));
}

TEST_CASE("a tagger refuses bytes that are not a tagger model", "[nlp][tagger]") {
  CHECK_THROWS_AS(Tagger("no model here"), ng::Error);
}

TEST_CASE("an empty sentence has no tags", "[nlp][tagger]") {
  CHECK(Tagger::builtin().tag(std::vector<std::string_view>{}).empty());
}

TEST_CASE("a word described from the tagger's memo is described as afresh", "[nlp][tagger]") {
  // The lexicon of a tagger trained on the tiny treebank: some words known,
  // some not, in several cases.
  tagging::TaggerTrainOptions options;
  options.epochs = 2;
  options.lexicon_folds = 3;
  options.compress.min_updates = 0;
  const std::string bytes = tagging::train_tagger(test::tiny_treebank(), options);
  const auto file = model::ModelFile::view(bytes, "tagger model");
  const auto lexicon = tagging::TaggerLexicon::parse(file.section("lexicon"), file.section("wordnet"),
                                                     model::split_lines(file.section("classes")).size());
  const auto check_same = [&](std::string_view sentence, tagging::WordDataMemo& memo) {
    const auto words = words_of(sentence);
    std::vector<tagging::WordData> fresh, remembered;
    tagging::describe_words(words, lexicon, fresh);
    tagging::describe_words(words, lexicon, remembered, &memo);
    REQUIRE(fresh.size() == remembered.size());
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      INFO(sentence << ": word " << i);
      const auto& a = fresh[i];
      const auto& b = remembered[i];
      CHECK(a.form == b.form);
      CHECK(a.lower == b.lower);
      CHECK(a.shape == b.shape);
      CHECK(std::equal(std::begin(a.prefix), std::end(a.prefix), std::begin(b.prefix)));
      CHECK(std::equal(std::begin(a.suffix), std::end(a.suffix), std::begin(b.suffix)));
      CHECK(a.ambiguity == b.ambiguity);
      CHECK(a.flags == b.flags);
      CHECK(a.wordnet == b.wordnet);
      CHECK(a.info == b.info);
    }
  };
  tagging::WordDataMemo memo;
  memo.bind(1);
  // The same words in other cases and places, twice: the second pass is
  // answered from the memo.
  for (int pass = 0; pass < 2; ++pass) {
    check_same("The minister said the plan was ready .", memo);
    check_same("THE MINISTER SAID : the Minister said .", memo);
    check_same("Said the minister , \u201cready\u201d \u2014 she said .", memo);
  }
  CHECK(memo.size() > 10);
  memo.bind(2);
  CHECK(memo.size() == 0);
}
