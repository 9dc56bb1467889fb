#include <catch2/catch.hpp>

#include "loaders/nlp/tokenizer.hpp"

using namespace ng::nlp;

namespace {
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text)) out.emplace_back(t.span.of(text));
  return out;
}
}  // namespace

TEST_CASE("tokens carry byte offsets into the text", "[nlp][tokenizer]") {
  const std::string text = "Mayor Ana Lobo spoke.";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[1].span.begin == 6);
  CHECK(tokens[1].span.end == 9);
  CHECK(tokens[1].capitalized);
  CHECK(tokens[4].span.of(text) == ".");
}

TEST_CASE("a possessive is a token of its own", "[nlp][tokenizer]") {
  CHECK(words("Norland's fleet") == std::vector<std::string>{"Norland", "'s", "fleet"});
  CHECK(words("Norland\u2019s fleet") == std::vector<std::string>{"Norland", "\u2019s", "fleet"});
}

TEST_CASE("inner hyphens, apostrophes and abbreviation dots stay inside a word", "[nlp][tokenizer]") {
  CHECK(words("al-Rashid and O'Connell met in the U.S. capital") ==
        std::vector<std::string>{"al-Rashid", "and", "O'Connell", "met", "in", "the", "U.S.", "capital"});
}

TEST_CASE("numbers keep their separators", "[nlp][tokenizer]") {
  CHECK(words("About 25,000 people and 3.5 tonnes") ==
        std::vector<std::string>{"About", "25,000", "people", "and", "3.5", "tonnes"});
}

TEST_CASE("curly, straight and guillemet quotes open and close", "[nlp][tokenizer]") {
  const std::string text = "\u201CYes,\u201D she said. \"No\" \u00ABPeut-\u00eatre\u00BB";
  const auto tokens = tokenize(text);
  CHECK(tokens.front().kind == TokenKind::OpenQuote);
  int open = 0, close = 0;
  for (const auto& t : tokens) {
    open += t.kind == TokenKind::OpenQuote;
    close += t.kind == TokenKind::CloseQuote;
  }
  CHECK(open == 3);
  CHECK(close == 3);
}

TEST_CASE("all-caps words are marked", "[nlp][tokenizer]") {
  const auto tokens = tokenize("OSLO - The NSC met");
  CHECK(tokens[0].all_caps);
  CHECK_FALSE(tokens[2].all_caps);
  CHECK(tokens[3].all_caps);
}

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/extractor.hpp"

TEST_CASE("every regression input runs through the extractor", "[nlp][regressions]") {
  const std::filesystem::path dir = std::filesystem::path(NG_TEST_DATA) / "regressions" / "extractor";
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    INFO(entry.path().filename().string());
    const auto analysis = analyze(text.str(), Lexicon::builtin());
    for (const auto& m : analysis.mentions) CHECK(m.span.end <= text.str().size());
    ++files;
  }
  CHECK(files > 0);
}
