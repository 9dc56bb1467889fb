#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "loaders/nlp/model/ud_words.hpp"
#include "loaders/nlp/model/word_form.hpp"

using namespace ng::nlp::model;

namespace {

std::vector<std::string> forms(const std::vector<std::string_view>& tokens) {
  std::vector<std::string> out;
  for (const UdWord& w : to_ud_words(tokens)) out.emplace_back(w.form);
  return out;
}

}  // namespace

TEST_CASE("contractions split into UD words and keep their token", "[nlp][ud_words]") {
  const std::vector<std::string_view> tokens = {"They", "don't", "know", "we're", "here"};
  const auto words = to_ud_words(tokens);
  REQUIRE(words.size() == 7);
  CHECK(words[1].form == "do");
  CHECK(words[2].form == "n't");
  CHECK(words[2].token == 1);
  CHECK(words[2].offset == 2);
  CHECK(words[4].form == "we");
  CHECK(words[5].form == "'re");
  CHECK(words[5].token == 3);
  CHECK(words[6].token == 4);
}

TEST_CASE("every English clitic and fused form splits as UD writes it", "[nlp][ud_words]") {
  CHECK(forms({"can't", "won't", "I'm", "you've", "she'll", "he'd", "cannot", "gonna"}) ==
        std::vector<std::string>{"ca", "n't", "wo", "n't", "I", "'m", "you", "'ve", "she", "'ll", "he", "'d", "can",
                                 "not", "gon", "na"});
  CHECK(forms({"isn\u2019t", "they\u2019re"}) == std::vector<std::string>{"is", "n\u2019t", "they", "\u2019re"});
  CHECK(forms({"Dont", "wanna"}) == std::vector<std::string>{"Do", "nt", "wan", "na"});
}

TEST_CASE("names with apostrophes and possessives already split stay as they are", "[nlp][ud_words]") {
  CHECK(forms({"O'Neill", "Norland", "'s", "o'clock", "'"}) ==
        std::vector<std::string>{"O'Neill", "Norland", "'s", "o'clock", "'"});
}

TEST_CASE("hyphenated words split except after bound prefixes and in numbers", "[nlp][ud_words]") {
  CHECK(forms({"well-known", "al-Rashid"}) == std::vector<std::string>{"well", "-", "known", "al", "-", "Rashid"});
  CHECK(forms({"e-mail", "co-founder", "non-profit", "555-0199"}) ==
        std::vector<std::string>{"e-mail", "co-founder", "non-profit", "555-0199"});
  const std::vector<std::string_view> tokens = {"mother-in-law"};
  const auto words = to_ud_words(tokens);
  REQUIRE(words.size() == 5);
  CHECK(words[4].form == "law");
  CHECK(words[4].offset == 10);
}

TEST_CASE("typographic quotes, dashes and ellipses read as the treebank's ASCII", "[nlp][word_form]") {
  CHECK(normalize_word("\u201CYes\u201D") == "\"Yes\"");
  CHECK(normalize_word("n\u2019t") == "n't");
  CHECK(normalize_word("\u2014") == "--");
  CHECK(normalize_word("\u2013") == "-");
  CHECK(normalize_word("\u2026") == "...");
  CHECK(normalize_word("Zo\u00EB") == "Zo\u00EB");
}

TEST_CASE("word shapes, lower case and affixes count characters, not bytes", "[nlp][word_form]") {
  CHECK(word_shape("Obama") == "Xxxx");
  CHECK(word_shape("1,250") == "d,ddd");
  CHECK(word_shape("U.S.") == "X.X.");
  CHECK(word_shape("\u00C9mile") == "Xxxx");
  CHECK(lower_word("\u00C9MILE Zola") == "\u00E9mile zola");
  CHECK(suffix_chars("caf\u00E9", 2) == "f\u00E9");
  CHECK(prefix_chars("\u00E9t\u00E9", 1) == "\u00E9");
  CHECK(prefix_chars("ab", 5) == "ab");
  CHECK(char_count("na\u00EFve") == 5);
}
