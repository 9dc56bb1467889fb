#include <catch2/catch.hpp>

#include "loaders/input/iri_text.hpp"
#include "loaders/news/plain_text_reader.hpp"
#include "tests/unit/news/test_support.hpp"

using namespace ng::loaders;
using namespace ng::loaders::testing;

namespace {

std::vector<Article> read_text(std::string_view text, InputReport& report, bool markdown = false) {
  ArticleSource source{"test.txt", "file:///test.txt", std::size_t{1} << 20, markdown};
  std::vector<Article> out;
  read_plain_text(text, source, [&](Article&& a) { out.push_back(std::move(a)); }, report);
  return out;
}

}  // namespace

TEST_CASE("a CRLF file keeps its paragraphs", "[news][text]") {
  const Collected got = read_path(data_path("news/crlf_article.txt"));
  INFO(describe(got.report));
  REQUIRE(got.articles.size() == 1);
  const Article& article = got.articles[0];
  CHECK(article.title == "Brindlemoor council approves new harbour wall");
  CHECK(article.body ==
        "The council of Brindlemoor voted on Tuesday to rebuild the harbour wall.\n\n"
        "\xe2\x80\x9cThe sea will not wait for us,\xe2\x80\x9d said Mayor Tamsin Pellwick.\n\n"
        "Work is due to begin in the spring.");
  CHECK(got.report.problems.empty());
  CHECK(got.report.files == 1);
  CHECK(got.report.articles == 1);
}

TEST_CASE("a text article's url is its file IRI and its origin the path as given", "[news][text]") {
  const std::string path = data_path("news/crlf_article.txt");
  const Collected got = read_path(path);
  REQUIRE(got.articles.size() == 1);
  CHECK(got.articles[0].origin == path);
  CHECK(got.articles[0].url == file_iri(path));
  CHECK(got.articles[0].url.rfind("file:///", 0) == 0);
  CHECK_FALSE(got.articles[0].date_published);
}

TEST_CASE("a markdown title loses its heading marks", "[news][text]") {
  const Collected got = read_path(data_path("news/harbour_report.md"));
  REQUIRE(got.articles.size() == 1);
  CHECK(got.articles[0].title == "Kestrel Bay ferry returns after storm repairs");
  CHECK(got.articles[0].body ==
        "The ferry between Kestrel Bay and Port Amberly sailed again on Monday.\n\n"
        "Captain Halvard Ilvane said the crossing was \"calm and on time\".\n\n"
        "The Northfold Water Cooperative thanked volunteers for their help.");
}

TEST_CASE("leading blank lines are skipped to find the title", "[news][text]") {
  InputReport report;
  const auto articles = read_text("\n  \n# Not markdown here\nBody line.", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "# Not markdown here");
  CHECK(articles[0].body == "Body line.");
}

TEST_CASE("a file of one line is a title without a body", "[news][text]") {
  InputReport report;
  const auto articles = read_text("Port Amberly library opens", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "Port Amberly library opens");
  CHECK(articles[0].body.empty());
}

TEST_CASE("old Mac line endings separate title and paragraphs", "[news][text]") {
  InputReport report;
  const auto articles = read_text("Title line\rFirst paragraph.\rSecond paragraph.\r", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "Title line");
  CHECK(articles[0].body == "First paragraph.\n\nSecond paragraph.");
}

TEST_CASE("decomposed accents and control characters are cleaned in text articles", "[news][text]") {
  InputReport report;
  const auto articles = read_text("Jose\xcc\x81 returns\x1b\nHe said\x0c hello.", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "Jos\xc3\xa9 returns");
  CHECK(articles[0].body == "He said hello.");
}
