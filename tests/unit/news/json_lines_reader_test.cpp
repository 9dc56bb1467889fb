#include <catch2/catch.hpp>

#include <sstream>

#include "loaders/input/iri_text.hpp"
#include "loaders/news/json_lines_reader.hpp"
#include "tests/unit/news/test_support.hpp"

using namespace ng::loaders;
using namespace ng::loaders::testing;

namespace {

std::vector<Article> read_lines(const std::string& text, InputReport& report, std::size_t max_bytes = 1 << 20) {
  std::istringstream in(text);
  ArticleSource source{"feed.jsonl", "file:///feed.jsonl", max_bytes, false};
  std::vector<Article> out;
  read_json_lines(in, source, [&](Article&& a) { out.push_back(std::move(a)); }, report);
  return out;
}

}  // namespace

TEST_CASE("every line of a JSON Lines file is an article with its metadata", "[news][jsonl]") {
  const std::string path = data_path("news/feed.jsonl");
  const Collected got = read_path(path);
  INFO(describe(got.report));
  REQUIRE(got.articles.size() == 3);
  CHECK(got.report.problems.empty());
  CHECK(got.report.articles == 3);

  const Article& first = got.articles[0];
  CHECK(first.title == "Kestrel Bay school reopens");
  CHECK(first.body == "The school in Kestrel Bay reopened on Monday.\n\nHeadteacher Ada Brisk welcomed pupils.");
  CHECK(first.url == "https://news.example/kestrel-school");
  CHECK(first.date_published == "2024-01-08");
  CHECK(first.publisher == "Kestrel Bay Herald");
  CHECK(first.author == "Nils Arwen");
  CHECK(first.language == "en");
  CHECK(first.origin == path + ":1");

  // "body" and "datePublished" are accepted; the blank line 2 still counts.
  const Article& second = got.articles[1];
  CHECK(second.origin == path + ":3");
  CHECK(second.body == "The Saturday market will move to the harbour square.\n\nTraders said they welcomed the change.");
  CHECK(second.date_published == "2024-01-08");
  CHECK(second.url == file_iri(path) + "#line=3");
  CHECK_FALSE(second.author);

  CHECK(got.articles[2].url == file_iri(path) + "#line=4");
}

TEST_CASE("a broken JSON line is one problem and the next lines still load", "[news][jsonl]") {
  InputReport report;
  const auto articles = read_lines(
      "{\"text\": \"One.\"}\n[1, 2]\n{\"text\": \"Two.\", \"title\": null}\n{\"text\": \"x\", \"date\": 2024}\n"
      "{\"text\": \"Three.\"}",
      report);
  INFO(describe(report));
  REQUIRE(articles.size() == 3);
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0].origin == "feed.jsonl:2");
  CHECK(report.problems[0].message == "expected a JSON object, found array");
  CHECK(report.problems[1].origin == "feed.jsonl:4");
  CHECK(report.problems[1].message == "\"date\" must be a string, not number");
}

TEST_CASE("a JSON line longer than twice the article limit is skipped unread", "[news][jsonl]") {
  InputReport report;
  const std::string huge = "{\"text\": \"" + std::string(5000, 'a') + "\"}";
  const auto articles = read_lines("{\"text\": \"Before.\"}\n" + huge + "\n{\"text\": \"After.\"}\n", report, 2000);
  REQUIRE(articles.size() == 2);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == "feed.jsonl:2");
  CHECK(report.problems[0].message.rfind("line is ", 0) == 0);
  CHECK(articles[1].origin == "feed.jsonl:3");
}

TEST_CASE("an article over the limit in a JSON line is skipped with the size message", "[news][jsonl]") {
  InputReport report;
  const std::string big = "{\"text\": \"" + std::string((std::size_t{3} << 20) / 2, 'b') + "\"}";
  const auto articles = read_lines(big + "\n{\"text\": \"Small.\"}\n", report, std::size_t{1} << 20);
  REQUIRE(articles.size() == 1);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == "feed.jsonl:1");
  CHECK(report.problems[0].message == "article is 1.5 MB, over the size limit of 1 MB");
}

TEST_CASE("a url that is not an absolute IRI is replaced by the line's file IRI", "[news][jsonl]") {
  InputReport report;
  const auto articles = read_lines("{\"text\": \"Body.\", \"url\": \"/relative path\"}\n", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].url == "file:///feed.jsonl#line=1");
  REQUIRE(report.problems.size() == 1);
  CHECK_FALSE(report.problems[0].skipped);
}

TEST_CASE("escaped NUL and control characters in JSON strings are removed", "[news][jsonl]") {
  InputReport report;
  const auto articles = read_lines(R"({"title": "Ti\u0000tle\u0007", "text": "A\u0000B\r\nC"})", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "Title");
  CHECK(articles[0].body == "AB\n\nC");
}

TEST_CASE("a JSON Lines file of blank lines is an empty file", "[news][jsonl]") {
  InputReport report;
  CHECK(read_lines("\n  \n\n", report).empty());
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].message == "empty file");
}

TEST_CASE("a byte order mark before the first JSON line is ignored", "[news][jsonl]") {
  InputReport report;
  const auto articles = read_lines("\xEF\xBB\xBF{\"text\": \"Body.\"}\r\n", report);
  CHECK(articles.size() == 1);
  CHECK(report.problems.empty());
}
