#include <catch2/catch.hpp>

#include "loaders/nlp/sentence_splitter.hpp"
#include "loaders/nlp/tokenizer.hpp"

using namespace ng::nlp;

namespace {
std::vector<std::string> sentences(std::string_view text, bool has_title = false) {
  const auto tokens = tokenize(text);
  std::vector<std::string> out;
  for (const auto& s : split_sentences(text, tokens, has_title).sentences) out.emplace_back(s.span.of(text));
  return out;
}
}  // namespace

TEST_CASE("sentences end at stops followed by a capital", "[nlp][sentences]") {
  CHECK(sentences("The port closed. Ships waited outside.") ==
        std::vector<std::string>{"The port closed.", "Ships waited outside."});
}

TEST_CASE("titles and months with a dot do not end a sentence", "[nlp][sentences]") {
  CHECK(sentences("Gen. Ivo Marr arrived on Jan. 4 with Mr. Dunn.").size() == 1);
  CHECK(sentences("Officials in the U.S. capital declined to comment.").size() == 1);
}

TEST_CASE("an initial does not end a sentence", "[nlp][sentences]") {
  CHECK(sentences("The report was written by J. K. Tomlin for the council.").size() == 1);
}

TEST_CASE("a quotation that ends a sentence closes it", "[nlp][sentences]") {
  CHECK(sentences("\u201CWe are ready.\u201D The mayor left.") ==
        std::vector<std::string>{"\u201CWe are ready.\u201D", "The mayor left."});
}

TEST_CASE("a stop inside a quotation before a lower-case clause does not split", "[nlp][sentences]") {
  CHECK(sentences("\u201CWe are ready,\u201D he said. Then he left.").size() == 2);
}

TEST_CASE("line breaks separate paragraphs", "[nlp][sentences]") {
  const std::string text = "First line without stop\n\nSecond paragraph here.";
  const auto tokens = tokenize(text);
  const auto split = split_sentences(text, tokens, false);
  CHECK(split.paragraphs.size() == 2);
  CHECK(split.sentences.size() == 2);
}

TEST_CASE("a dateline is marked", "[nlp][sentences]") {
  const std::string text = "Headline here\n\nPORT ELVAN (Northwire) - The ferry sank on Monday.";
  const auto tokens = tokenize(text);
  const auto split = split_sentences(text, tokens, true);
  REQUIRE(split.sentences.size() == 2);
  CHECK(split.sentences[1].dateline);
  CHECK(split.sentences[0].title);
}

TEST_CASE("a Title Case headline is marked so capitals are not read as names", "[nlp][sentences]") {
  const std::string text = "Floods Force Thousands From Their Homes\n\nThe river rose.";
  const auto tokens = tokenize(text);
  const auto split = split_sentences(text, tokens, true);
  CHECK(split.sentences[0].title_case);
  CHECK_FALSE(split.sentences[1].title_case);
}
