#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/nlp/names/name_corpora.hpp"
#include "loaders/nlp/names/name_features.hpp"
#include "loaders/nlp/names/name_tagger.hpp"
#include "loaders/nlp/names/name_trainer.hpp"
#include "loaders/nlp/tagger/tagger.hpp"
#include "models_test_support.hpp"

using namespace ng::nlp;
using namespace ng::nlp::names;
using ng::nlp::test::words_of;

namespace {

// "PER Anna Berg; ORG Norvex": what the model finds, readable in a failure.
std::string found_names(std::string_view sentence, const NameTagger& model = NameTagger::builtin()) {
  const auto words = words_of(sentence);
  const auto tags = Tagger::builtin().tag(words);
  std::string out;
  for (const FoundName& n : model.find(words, tags)) {
    if (!out.empty()) out += "; ";
    out += std::string(type_name(n.type));
    for (std::uint32_t k = n.first; k < n.end; ++k) out += " " + std::string(words[k]);
  }
  return out;
}

std::vector<NameSentence> tiny_names() {
  return read_bracketed_file(std::string(NG_TEST_DATA) + "/models/tiny_names.txt");
}

}  // namespace

TEST_CASE("BILOU labels and name spans convert both ways", "[nlp][names][model]") {
  const std::vector<LabelSpan> spans{{0, 2, NameType::Person}, {3, 4, NameType::Place}, {5, 8, NameType::Organization}};
  const auto labels = labels_of(spans, 9);
  CHECK(label_name(labels[0]) == "B-PER");
  CHECK(label_name(labels[1]) == "L-PER");
  CHECK(label_name(labels[3]) == "U-LOC");
  CHECK(label_name(labels[6]) == "I-ORG");
  CHECK(labels[8] == kOutside);
  CHECK(spans_of(labels) == spans);
}

TEST_CASE("after the first word of a name only its continuation is allowed", "[nlp][names][model]") {
  const auto& after_begin = allowed_after(make_label(NameType::Person, Position::Begin));
  CHECK(after_begin[make_label(NameType::Person, Position::Inside)]);
  CHECK(after_begin[make_label(NameType::Person, Position::Last)]);
  CHECK_FALSE(after_begin[kOutside]);
  CHECK_FALSE(after_begin[make_label(NameType::Place, Position::Last)]);
  const auto& after_outside = allowed_after(kOutside);
  CHECK(after_outside[make_label(NameType::Place, Position::Unit)]);
  CHECK_FALSE(after_outside[make_label(NameType::Place, Position::Inside)]);
}

TEST_CASE("bracketed sentences give words and typed names", "[nlp][names][model]") {
  std::istringstream in("# a comment\n[PER Anna Berg] met the [ORG Harbour Council] .\n");
  const auto sentences = read_bracketed(in, "test");
  REQUIRE(sentences.size() == 1);
  CHECK(sentences[0].words.size() == 7);
  REQUIRE(sentences[0].names.size() == 2);
  CHECK(sentences[0].names[0] == LabelSpan{0, 2, NameType::Person});
  CHECK(sentences[0].names[1] == LabelSpan{4, 6, NameType::Organization});
  CHECK(to_bracketed(sentences[0]) == "[PER Anna Berg] met the [ORG Harbour Council] .");
  std::istringstream unclosed("[PER Anna Berg met .\n");
  CHECK_THROWS_AS(read_bracketed(unclosed, "test"), ng::ParseError);
}

TEST_CASE("UNER's IOB2 tags become names, other tags no name", "[nlp][names][model]") {
  std::istringstream in(
      "# sent_id = 1\n1\tAnna\tB-PER\t-\t-\n2\tBerg\tI-PER\t-\t-\n3\tvisited\tO\t-\t-\n"
      "4\tNew\tB-LOC\t-\t-\n5\tYork\tI-LOC\t-\t-\n6\tfor\tO\t-\t-\n7\tEaster\tB-OTH\t-\t-\n\n");
  const auto sentences = read_iob2(in, "test");
  REQUIRE(sentences.size() == 1);
  REQUIRE(sentences[0].names.size() == 2);
  CHECK(sentences[0].names[0] == LabelSpan{0, 2, NameType::Person});
  CHECK(sentences[0].names[1] == LabelSpan{3, 5, NameType::Place});
}

TEST_CASE("GUM's named mentions are names, its unnamed and other mentions are not", "[nlp][names][model]") {
  // "The famous University of Leeds hired him in Leeds after the Winter Games ."
  std::istringstream in(
      "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(1-organization-new-x-x-1-sgl\n"
      "2\tfamous\tfamous\tADJ\tJJ\t_\t3\tamod\t_\t_\n"
      "3\tUniversity\tUniversity\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
      "4\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_\n"
      "5\tLeeds\tLeeds\tPROPN\tNNP\t_\t3\tnmod\t_\tEntity=(2-place-new-x-x-1-sgl)1)\n"
      "6\thim\the\tPRON\tPRP\t_\t7\tobj\t_\tEntity=(3-person-new-x-x-1-sgl)\n"
      "7\thired\thire\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "8\tin\tin\tADP\tIN\t_\t9\tcase\t_\t_\n"
      "9\tLeeds\tLeeds\tPROPN\tNNP\t_\t7\tobl\t_\tEntity=(4-place-new-x-x-1-sgl)\n"
      "10\tafter\tafter\tADP\tIN\t_\t13\tcase\t_\t_\n"
      "11\tthe\tthe\tDET\tDT\t_\t13\tdet\t_\tEntity=(5-event-new-x-x-1-sgl\n"
      "12\tWinter\tWinter\tPROPN\tNNP\t_\t13\tcompound\t_\t_\n"
      "13\tGames\tGames\tPROPN\tNNPS\t_\t7\tobl\t_\tEntity=5)\n"
      "14\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n");
  // The head of mention 1 is "University": the one word whose HEAD is outside it.
  const auto sentences = gum_names(ng::nlp::model::read_conllu(in, "test"));
  REQUIRE(sentences.size() == 1);
  const auto& names = sentences[0].names;
  REQUIRE(names.size() == 2);
  CHECK(names[0] == LabelSpan{2, 5, NameType::Organization});  // "University of Leeds", not "The famous ..."
  CHECK(names[1] == LabelSpan{8, 9, NameType::Place});          // "Winter Games" is an event: no name
}

TEST_CASE("training the name finder on a tiny slice fits it, byte for byte the same twice", "[nlp][names][model]") {
  const auto tiny = tiny_names();
  REQUIRE(tiny.size() >= 15);
  NameTrainOptions options;
  options.epochs = 8;
  options.tagger = &Tagger::builtin();
  options.lexicon = &Lexicon::builtin();
  const std::string first = train_name_tagger(tiny, options);
  const std::string second = train_name_tagger(tiny, options);
  CHECK(first == second);
  const NameTagger model(first, Lexicon::builtin());
  const NameScore score = score_names(model, Tagger::builtin(), tiny);
  CHECK(score.all.gold >= 25);
  CHECK(score.all.f1() >= 0.9);
  options.seed += 1;
  CHECK(train_name_tagger(tiny, options) != first);
}

TEST_CASE("the built-in name finder finds people, organisations and places in an invented sentence",
          "[nlp][names][model]") {
  CHECK(found_names("Anna Berg , the chief executive of Tallmark Industries , said in Oslo on Monday that "
                    "profits had doubled .") == "PER Anna Berg; ORG Tallmark Industries; LOC Oslo");
}

TEST_CASE("the built-in name finder leaves events and products unnamed", "[nlp][names][model]") {
  CHECK(found_names("Fans in Rivermouth celebrated the Robotics Cup victory all night .") == "LOC Rivermouth");
}

TEST_CASE("the name finder gives the same names on any number of threads", "[nlp][names][model]") {
  const std::string sentence = "Officials of the Harbour Authority met Mayor Ida Brunner in Port Elling on Friday .";
  const std::string expected = found_names(sentence);
  CHECK_FALSE(expected.empty());
  std::vector<std::string> results(4);
  test::on_threads(4, [&](std::size_t i) {
    for (int k = 0; k < 50 && results[i].empty(); ++k) results[i] = found_names(sentence);
  });
  for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("a name finder refuses bytes that are not a names model", "[nlp][names][model]") {
  CHECK_THROWS_AS(NameTagger("not a model", Lexicon::builtin()), ng::Error);
}

TEST_CASE("a word described from the name finder's memo is described as afresh", "[nlp][names]") {
  const Lexicon& lexicon = Lexicon::builtin();
  const auto check_same = [&](std::string_view sentence, WordLexicalMemo& memo) {
    const auto words = words_of(sentence);
    const auto tags = Tagger::builtin().tag(words);
    std::vector<NameWord> fresh, remembered;
    describe_name_words(words, tags, lexicon, fresh);
    describe_name_words(words, tags, lexicon, remembered, &memo);
    REQUIRE(fresh.size() == remembered.size());
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      INFO(sentence << ": word " << i);
      CHECK(fresh[i].flags == remembered[i].flags);
      CHECK(fresh[i].form == remembered[i].form);
      CHECK(fresh[i].lower == remembered[i].lower);
      CHECK(fresh[i].shape == remembered[i].shape);
      CHECK(fresh[i].suffix3 == remembered[i].suffix3);
      CHECK(fresh[i].xpos == remembered[i].xpos);
      CHECK(fresh[i].upos == remembered[i].upos);
      CHECK(fresh[i].gazetteer == remembered[i].gazetteer);
    }
  };
  WordLexicalMemo memo;
  memo.bind(1);
  // "Young" and "Paris" open one sentence and stand inside the next: a
  // frequent word opening a sentence is not looked up in the name lists,
  // so the memo must keep the two apart.
  for (int pass = 0; pass < 2; ++pass) {
    check_same("Young people met in Paris on Monday .", memo);
    check_same("Paris officials said Young spoke for the Harbour Trust .", memo);
    check_same("Young said the Harbour Trust would meet in Paris .", memo);
  }
  CHECK(memo.inside.size() > 0);
  CHECK(memo.opening.size() > 0);
  memo.bind(2);
  CHECK(memo.inside.size() == 0);
  CHECK(memo.opening.size() == 0);
}
