#include <catch2/catch.hpp>

#include <unistd.h>

#include <iostream>
#include <sstream>

#include "tests/unit/news/test_support.hpp"

using namespace ng::loaders;
using namespace ng::loaders::testing;

TEST_CASE("the input format follows the file extension in any case", "[inputs]") {
  CHECK(format_for_path("a/b.txt") == InputFormat::PlainText);
  CHECK(format_for_path("b.TEXT") == InputFormat::PlainText);
  CHECK(format_for_path("notes.md") == InputFormat::PlainText);
  CHECK(format_for_path("page.HTM") == InputFormat::Html);
  CHECK(format_for_path("page.xhtml") == InputFormat::Html);
  CHECK(format_for_path("feed.ndjson") == InputFormat::JsonLines);
  CHECK(format_for_path("feed.jsonl") == InputFormat::JsonLines);
  CHECK(format_for_path("people.csv") == InputFormat::RecordsCsv);
  CHECK(format_for_path("people.json") == InputFormat::RecordsJson);
  CHECK_FALSE(format_for_path("photo.png"));
  CHECK_FALSE(format_for_path("README"));
}

TEST_CASE("directories are walked recursively in sorted order without hidden or unknown files", "[inputs]") {
  TempDir dir;
  dir.write("b.txt", "B");
  dir.write("a/z.jsonl", "{}");
  dir.write("a/c.html", "<p>C</p>");
  dir.write(".hidden/x.txt", "X");
  dir.write(".dot.txt", "X");
  dir.write("photo.png", "X");
  InputReport report;
  const auto inputs = discover_inputs({dir.path().string(), (dir.path() / "b.txt").string()}, report);
  CHECK(report.problems.empty());
  REQUIRE(inputs.size() == 3);
  CHECK(inputs[0].path == (dir.path() / "a/c.html").string());
  CHECK(inputs[0].format == InputFormat::Html);
  CHECK(inputs[1].path == (dir.path() / "a/z.jsonl").string());
  CHECK(inputs[2].path == (dir.path() / "b.txt").string());
}

TEST_CASE("a path that does not exist is one problem naming it", "[inputs]") {
  InputReport report;
  const auto inputs = discover_inputs({"/nonexistent/ng/article.txt", "-"}, report);
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].path == "-");
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == "/nonexistent/ng/article.txt");
  CHECK(report.problems[0].message == "cannot read: No such file or directory");
}

TEST_CASE("a file without read permission is one problem naming it", "[inputs]") {
  if (::geteuid() == 0) {
    WARN("running as root, which can read any file: permission check not tested");
    return;
  }
  TempDir dir;
  const std::string path = dir.write("secret.txt", "Title\nBody");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  InputReport report;
  CHECK(discover_inputs({path}, report).empty());
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].message == "cannot read: Permission denied");
}

TEST_CASE("a named file of unknown format is reported, not silently dropped", "[inputs]") {
  TempDir dir;
  const std::string path = dir.write("photo.png", "x");
  InputReport report;
  CHECK(discover_inputs({path}, report).empty());
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].message.rfind("unknown input format", 0) == 0);
}

TEST_CASE("an oversize text article is skipped with the limit in the message", "[inputs][text]") {
  TempDir dir;
  // 1.5 MB against a 1 MB limit: the same code path as 100 MB against 8 MB.
  const std::string path = dir.write("huge.txt", "Title\n" + std::string((std::size_t{3} << 20) / 2 - 6, 'x'));
  const Collected got = read_path(path, ReadOptions{std::size_t{1} << 20});
  CHECK(got.articles.empty());
  REQUIRE(got.report.problems.size() == 1);
  CHECK(got.report.problems[0].origin == path);
  CHECK(got.report.problems[0].message == "article is 1.5 MB, over the size limit of 1 MB");
}

TEST_CASE("an HTML file may carry four times the article limit in markup", "[inputs][html]") {
  TempDir dir;
  const std::string markup = "<script>" + std::string(std::size_t{2} << 20, ' ') + "</script>";
  const std::string path = dir.write("page.html", "<title>T</title>" + markup + "<p>Body.</p>");
  const Collected got = read_path(path, ReadOptions{std::size_t{1} << 20});
  INFO(describe(got.report));
  CHECK(got.articles.size() == 1);
}

namespace {

// Runs read_input on "-" with `text` as standard input.
Collected read_stdin(const std::string& text) {
  std::istringstream fake(text);
  std::streambuf* saved = std::cin.rdbuf(fake.rdbuf());
  Collected got = read_path("-");
  std::cin.rdbuf(saved);
  std::cin.clear();
  return got;
}

}  // namespace

TEST_CASE("standard input is sniffed as HTML, JSON Lines or plain text", "[inputs]") {
  Collected got = read_stdin("  \n<html><title>From a pipe</title><p>Body.</p></html>");
  REQUIRE(got.articles.size() == 1);
  CHECK(got.articles[0].title == "From a pipe");
  CHECK(got.articles[0].url == "stdin:");
  CHECK(got.articles[0].origin == "-");

  got = read_stdin("\xEF\xBB\xBF{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
  REQUIRE(got.articles.size() == 2);
  CHECK(got.articles[1].url == "stdin:#line=2");
  CHECK(got.articles[1].origin == "-:2");

  got = read_stdin("Plain title\nPlain body.\n");
  REQUIRE(got.articles.size() == 1);
  CHECK(got.articles[0].body == "Plain body.");
  CHECK(got.report.files == 1);
}
