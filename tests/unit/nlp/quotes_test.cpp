#include <catch2/catch.hpp>

#include "loaders/nlp/quote_finder.hpp"
#include "loaders/nlp/sentence_splitter.hpp"
#include "loaders/nlp/tokenizer.hpp"
#include "nlp_test_support.hpp"

using namespace ng::nlp;

namespace {
std::vector<std::string> quotes(std::string_view text) {
  const auto tokens = tokenize(text);
  const auto split = split_sentences(text, tokens, false);
  std::vector<std::string> out;
  for (const auto& q : find_quotes(text, tokens, split.paragraphs, split.sentences)) {
    out.emplace_back(q.content.of(text));
  }
  return out;
}
}  // namespace

TEST_CASE("curly quotes pair", "[nlp][quotes]") {
  CHECK(quotes("\u201CWe will stay,\u201D she said.") == std::vector<std::string>{"We will stay,"});
}

TEST_CASE("straight quotes pair by position", "[nlp][quotes]") {
  CHECK(quotes("\"We will stay,\" she said. \"And we will win.\"") ==
        std::vector<std::string>{"We will stay,", "And we will win."});
}

TEST_CASE("an apostrophe inside a double quote does not end it", "[nlp][quotes]") {
  CHECK(quotes("\u201CIt's the farmers' turn now,\u201D he said.") ==
        std::vector<std::string>{"It's the farmers' turn now,"});
}

TEST_CASE("single quotes pair when no double quote is open", "[nlp][quotes]") {
  CHECK(quotes("He called it 'a good day for the port'.") ==
        std::vector<std::string>{"a good day for the port"});
}

TEST_CASE("guillemets pair", "[nlp][quotes]") {
  CHECK(quotes("Elle a dit \u00ABnous restons\u00BB hier.") == std::vector<std::string>{"nous restons"});
}

TEST_CASE("a quotation left open runs to the end of its paragraph", "[nlp][quotes]") {
  const auto found = quotes("\u201CWe will stay here as long as it takes.\n\n\u201CAnd then we go home.\u201D");
  REQUIRE(found.size() == 2);
  CHECK(found[0] == "We will stay here as long as it takes.");
}

TEST_CASE("a quotation closed in the next paragraph without reopening gives a second quotation there",
          "[nlp][quotes]") {
  const auto a = ng::nlp::test::run(
      "Pavel Sorokin spoke at the harbour on Monday. \u201CThe pumps will run all night and the dockers will stay.\n"
      "Nobody goes home before the river falls,\u201D he said.");
  CHECK(ng::nlp::test::said(a, "Pavel Sorokin", "The pumps will run all night"));
  CHECK(ng::nlp::test::said(a, "Pavel Sorokin", "Nobody goes home before the river falls"));
}

TEST_CASE("a reporting clause ending its paragraph with a colon takes the quotation of the next",
          "[nlp][quotes]") {
  const auto a = ng::nlp::test::run(
      "Pavel Sorokin spoke at the harbour on Monday. He told the crowd:\n"
      "\u201CThe pumps will run all night and the dockers will stay until the river falls.\u201D");
  CHECK(ng::nlp::test::said(a, "Pavel Sorokin", "The pumps will run all night"));
}
