// The syntax layer of the Document: UD words over the tokens, tagged in
// every sentence, parsed where attribution reads a tree.

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "loaders/nlp/syntax.hpp"
#include "nlp_test_support.hpp"

namespace ng::nlp {
namespace {

const Word* word(const Document& doc, std::string_view form) {
  for (const Word& w : doc.words) {
    if (w.span.of(doc.text) == form) return &w;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("every sentence's words are tagged and cover its tokens in order", "[syntax]") {
  const Document doc = test::run("The ferry left Harwick at dawn. Nobody waved.");
  REQUIRE(doc.sentences.size() == 2);
  REQUIRE(doc.sentences[0].first_word == 0);
  REQUIRE(doc.sentences[0].end_word == doc.sentences[1].first_word);
  REQUIRE(doc.sentences[1].end_word == doc.words.size());
  std::uint32_t previous_end = 0;
  for (const Word& w : doc.words) {
    REQUIRE(w.span.begin >= previous_end);
    REQUIRE(w.span.end <= doc.tokens[w.token].span.end);
    previous_end = w.span.end;
  }
  REQUIRE(word(doc, "ferry")->upos == Upos::NOUN);
  REQUIRE(word(doc, "left")->upos == Upos::VERB);
  REQUIRE(word(doc, "Harwick")->upos == Upos::PROPN);
}

TEST_CASE("a contraction is two words pointing into its one token", "[syntax]") {
  const Document doc = test::run("They don't know.");
  const Word* did = word(doc, "do");
  const Word* negation = word(doc, "n't");
  REQUIRE(did != nullptr);
  REQUIRE(negation != nullptr);
  REQUIRE(did->token == negation->token);
  REQUIRE(negation->upos == Upos::PART);
}

TEST_CASE("a sentence with a speech verb is parsed: its speaker is the verb's subject", "[syntax]") {
  const Document doc = test::run("Mira Tallis said the bridge would reopen in May.");
  REQUIRE(doc.sentences[0].parsed);
  const Word* said = word(doc, "said");
  const Word* mira = word(doc, "Mira");
  const Word* tallis = word(doc, "Tallis");
  REQUIRE(said->head == -1);
  REQUIRE(said->relation == "root");
  REQUIRE(mira->relation == "nsubj");  // UD: the first word of a name heads it
  REQUIRE(&doc.words[static_cast<std::size_t>(mira->head)] == said);
  REQUIRE(tallis->relation == "flat");
  const Word* reopen = word(doc, "reopen");
  REQUIRE(reopen->relation == "ccomp");
}

TEST_CASE("a sentence with no quote, speech verb or 'according to' is not parsed", "[syntax]") {
  const Document doc = test::run("The ferry left Harwick at dawn.");
  REQUIRE_FALSE(doc.sentences[0].parsed);
  REQUIRE_FALSE(needs_parse(doc, doc.sentences[0]));
  for (const Word& w : doc.words) {
    REQUIRE(w.head == -1);
    REQUIRE(w.relation.empty());
  }
}

TEST_CASE("quotation marks and 'according to' ask for a parse", "[syntax]") {
  const Document quoted = test::run("\"We will rebuild,\" the mayor wrote.");
  REQUIRE(quoted.sentences[0].parsed);
  const Document according = test::run("According to the coroner, the fire began at night.");
  REQUIRE(according.sentences[0].parsed);
}

}  // namespace ng::nlp
