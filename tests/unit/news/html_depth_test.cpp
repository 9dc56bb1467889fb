#include <catch2/catch.hpp>


#include "loaders/news/html_depth.hpp"
#include "loaders/news/html_reader.hpp"

using namespace ng::loaders;

namespace {

std::string repeat(std::string_view text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

TEST_CASE("nesting depth counts elements that nest and nothing else", "[news][html]") {
  CHECK(html_nesting_depth("<html><body><div><div><span>x</span></div></div></body></html>") == 3);
  // Unclosed paragraphs and list items are closed implicitly: not deep.
  CHECK(html_nesting_depth("<div>" + repeat("<p>para<li>item<br><img src=x>", 2000) + "</div>") == 1);
  // Tags in comments, scripts and attribute values do not count.
  CHECK(html_nesting_depth("<!-- <div><div> --><script>if (a<b) x = '<div><div>';</script><a title=\"<b><b>\">x</a>") == 1);
  // Self-closing SVG children are foreign content, skipped whole.
  CHECK(html_nesting_depth("<div><svg>" + repeat("<path d=\"M0 0\"/>", 2000) + "</svg></div>") == 1);
  // In HTML, "<div/>" opens a div.
  CHECK(html_nesting_depth(repeat("<div/>", 10)) == 10);
}

TEST_CASE("an HTML page nested deeper than browsers allow is skipped before it is parsed", "[news][html]") {
  const std::string html = "<body>" + repeat("<div>", 100000) + "deep text" + repeat("</div>", 100000) + "</body>";
  InputReport report;
  std::size_t articles = 0;
  read_html(html, ArticleSource{"deep.html", "file:///deep.html"}, [&](Article&&) { ++articles; }, report);
  CHECK(articles == 0);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].message == "HTML nests tags about 100000 deep, over the limit of 512");
}

TEST_CASE("an HTML page nested a few hundred levels is still read", "[news][html]") {
  const std::string html = "<body>" + repeat("<div><b>", 200) + "deep text" + repeat("</b></div>", 200) + "</body>";
  InputReport report;
  std::vector<Article> articles;
  read_html(html, ArticleSource{"deep.html", "file:///deep.html"}, [&](Article&& a) { articles.push_back(std::move(a)); },
            report);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].body == "deep text");
}
