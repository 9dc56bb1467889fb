#include <catch2/catch.hpp>

#include "loaders/news/html_reader.hpp"
#include "tests/unit/news/test_support.hpp"

using namespace ng::loaders;
using namespace ng::loaders::testing;

namespace {

std::vector<Article> read_html_text(std::string_view html, InputReport& report) {
  ArticleSource source{"page.html", "file:///page.html", std::size_t{1} << 20, false};
  std::vector<Article> out;
  read_html(html, source, [&](Article&& a) { out.push_back(std::move(a)); }, report);
  return out;
}

}  // namespace

TEST_CASE("an HTML article takes its metadata from Open Graph and meta tags", "[news][html]") {
  const Collected got = read_path(data_path("news/council_vote.html"));
  INFO(describe(got.report));
  REQUIRE(got.articles.size() == 1);
  const Article& article = got.articles[0];
  CHECK(article.title == "Brindlemoor votes to rebuild its harbour wall");
  CHECK(article.date_published == "2024-03-05T09:30:00+01:00");
  CHECK(article.author == "Marisol Quenneville");
  CHECK(article.publisher == "The Brindlemoor Gazette");
  CHECK(article.language == "en-GB");
  CHECK(article.url == "https://gazette.example/news/harbour-vote");
  CHECK(got.report.problems.empty());
}

TEST_CASE("an HTML body keeps article text and captions and drops page furniture", "[news][html]") {
  const Collected got = read_path(data_path("news/council_vote.html"));
  REQUIRE(got.articles.size() == 1);
  CHECK(got.articles[0].body ==
        "The council of Brindlemoor voted on Tuesday to rebuild the harbour wall, after a winter of storms.\n\n"
        "\xe2\x80\x9cThe sea will not wait for us,\xe2\x80\x9d said Mayor Tamsin Pellwick. "
        "Costs & risks were &lt;discussed&gt; at length.\n\n"
        "Mayor Tamsin Pellwick at the harbour in Brindlemoor.\n\n"
        "Work is due to begin in the spring.\n\n"
        "First item\n\n"
        "Second item");
}

TEST_CASE("character references in HTML are decoded exactly once", "[news][html]") {
  InputReport report;
  const auto articles = read_html_text(
      "<title>A &amp;lt;b&amp;gt; &amp; C</title><p>x &amp;amp; y &lt;z&gt; &eacute;</p>", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "A &lt;b&gt; & C");
  CHECK(articles[0].body == "x &amp; y <z> \xc3\xa9");
}

TEST_CASE("JSON-LD NewsArticle metadata is read from a @graph", "[news][html]") {
  const Collected got = read_path(data_path("news/ld_json.html"));
  INFO(describe(got.report));
  REQUIRE(got.articles.size() == 1);
  const Article& article = got.articles[0];
  CHECK(article.title == "Port Amberly opens a new library");
  CHECK(article.date_published == "2023-11-20");
  CHECK(article.author == "Ilse Marrowby");
  CHECK(article.publisher == "Port Amberly Post");
  CHECK(article.language == "en");
  CHECK(article.body ==
        "The new library in Port Amberly opened its doors on Monday.\n\n"
        "Ilse Marrowby, the head librarian, welcomed the first readers.");
  CHECK(article.url.rfind("file:///", 0) == 0);
}

TEST_CASE("an HTML title falls back to the title element and then the first heading", "[news][html]") {
  InputReport report;
  auto articles = read_html_text("<html><head><title> Only  title </title></head><body><p>Text.</p></body></html>", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "Only title");
  articles = read_html_text("<body><h1>Heading title</h1><p>Text.</p></body>", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].title == "Heading title");
  CHECK(articles[0].body == "Text.");  // the heading is not repeated in the body
}

TEST_CASE("without article or main the body element's blocks become paragraphs", "[news][html]") {
  InputReport report;
  const auto articles = read_html_text(
      "<body><div>Direct text in a div<div>nested block</div>tail</div>"
      "<p>One<br>Two</p><table><tr><td>Cell A</td><td>Cell B</td></tr></table>"
      "<p>Mar<b>i</b>sol <span hidden>hidden</span>spoke.</p><pre>line one\n  line two</pre></body>",
      report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].body ==
        "Direct text in a div\n\nnested block\n\ntail\n\nOne\n\nTwo\n\nCell A\n\nCell B\n\n"
        "Marisol spoke.\n\nline one\n\n  line two");
}

TEST_CASE("an unparseable HTML date is dropped with a warning and the article kept", "[news][html]") {
  InputReport report;
  const auto articles = read_html_text(
      "<head><meta name=\"date\" content=\"last Tuesday\"></head><body><p>Text.</p></body>", report);
  REQUIRE(articles.size() == 1);
  CHECK_FALSE(articles[0].date_published);
  REQUIRE(report.problems.size() == 1);
  CHECK_FALSE(report.problems[0].skipped);
  CHECK(report.problems[0].message.find("last Tuesday") != std::string::npos);
}

TEST_CASE("a time element in the article gives the date when meta tags do not", "[news][html]") {
  InputReport report;
  const auto articles = read_html_text(
      "<article><header><time datetime=\"2024-02-01T08:00:00Z\">1 Feb</time></header><p>Text.</p></article>", report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].date_published == "2024-02-01T08:00:00Z");
}

TEST_CASE("a relative canonical link is not used as the article url", "[news][html]") {
  InputReport report;
  const auto articles = read_html_text(
      "<head><link rel=\"canonical\" href=\"/news/x\"><meta property=\"og:url\" content=\"http://a.example/x\">"
      "</head><p>Text.</p>",
      report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].url == "http://a.example/x");
}

TEST_CASE("an invalid JSON-LD block is ignored with a warning", "[news][html]") {
  InputReport report;
  const auto articles = read_html_text(
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script><p>Text.</p>", report);
  REQUIRE(articles.size() == 1);
  REQUIRE(report.problems.size() == 1);
  CHECK_FALSE(report.problems[0].skipped);
}

TEST_CASE("an HTML page without any text is skipped", "[news][html]") {
  InputReport report;
  const auto articles = read_html_text("<html><body><nav>Menu</nav><script>x()</script></body></html>", report);
  CHECK(articles.empty());
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].message == "article has no title and no text");
}
