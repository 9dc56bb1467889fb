// The bad-input suite (tests/data/bad, described in its README): the whole
// folder is read as a build would read it, and every file must give exactly
// one problem naming the file (and line), while its good items still load.

#include <catch2/catch.hpp>

#include <map>

#include "tests/unit/news/test_support.hpp"

using namespace ng::loaders;
using namespace ng::loaders::testing;

namespace {

struct Expected {
  std::string where;    // appended to the path: ":3", ":3:5" or "" for the whole file
  std::string message;  // a part of the problem's message
  bool skipped;         // false: a warning
  std::size_t good;     // articles or records still read from the file
};

const std::map<std::string, Expected>& expectations() {
  static const std::map<std::string, Expected> table{
      {"invalid_utf8.txt", {":3:5", "not UTF-8 (invalid byte 0xff); convert with iconv -f ", true, 0}},
      {"nul_byte.txt", {":2:4", "NUL byte", true, 0}},
      {"bom_only.txt", {"", "empty file", true, 0}},
      {"empty.txt", {"", "empty file", true, 0}},
      {"whitespace_only.md", {"", "empty file", true, 0}},
      {"binary.html", {"", "binary file, not text", true, 0}},
      {"broken_row.csv", {":3", "row has 3 fields, the header has 8", true, 2}},
      {"unclosed_quote.csv", {":3", "unclosed quote", true, 3}},
      {"bad_quote.csv", {":3", "malformed quoting", true, 2}},
      {"invalid_utf8_row.csv", {":3:15", "not UTF-8 (invalid byte 0xc3); convert with iconv -f ", true, 2}},
      {"duplicate_id.csv", {":4", "duplicate id 'p1' (first used at", true, 2}},
      {"unknown_type.csv", {":2", "unknown type 'Planet'", true, 1}},
      {"missing_column.csv", {":1", "missing required column name (entities files need id, type, name)", true, 0}},
      {"broken_line.jsonl", {":2", "invalid JSON", true, 2}},
      {"wrong_types.jsonl", {":2", "\"text\" must be a string, not number", true, 2}},
      {"missing_text.jsonl", {":1", "missing \"text\"", true, 1}},
      {"invalid_utf8_line.jsonl", {":2:36", "not UTF-8 (invalid byte 0xc3); convert with iconv -f ", true, 2}},
      {"empty_article.jsonl", {":1", "article has no title and no text", true, 1}},
      {"bad_object.json", {":4", "entities[1]: \"name\" must be a string, not number", true, 2}},
      {"not_json.json", {":4:3", "invalid JSON", true, 0}},
  };
  return table;
}

std::size_t good_items(const Collected& got) {
  std::size_t count = got.articles.size();
  for (const auto& set : got.records) count += set.entities.size() + set.statements.size();
  return count;
}

}  // namespace

TEST_CASE("every file in the bad-input folder gives exactly one problem and keeps its good items", "[inputs][bad]") {
  const std::string folder = data_path("bad");
  InputReport discovery;
  const auto inputs = discover_inputs({folder}, discovery);
  CHECK(discovery.problems.empty());
  // README.md is a Markdown file too: it must read as a good article.
  std::size_t checked = 0;
  for (const InputFile& input : inputs) {
    const std::string name = std::filesystem::path(input.path).filename().string();
    if (name == "README.md") continue;
    INFO(name);
    const auto expected = expectations().find(name);
    REQUIRE(expected != expectations().end());  // a new bad file needs a row in the table
    Collected got;
    InputSink sink;
    sink.article = [&](Article&& article) { got.articles.push_back(std::move(article)); };
    sink.records = [&](RecordSet&& set) { got.records.push_back(std::move(set)); };
    read_input(input, sink, got.report);
    INFO(describe(got.report));
    REQUIRE(got.report.problems.size() == 1);
    const InputProblem& problem = got.report.problems[0];
    CHECK(problem.origin == input.path + expected->second.where);
    CHECK(problem.message.find(expected->second.message) != std::string::npos);
    CHECK(problem.skipped == expected->second.skipped);
    CHECK(good_items(got) == expected->second.good);
    ++checked;
  }
  CHECK(checked == expectations().size());
}

TEST_CASE("reading the bad-input folder in one go counts files and items", "[inputs][bad]") {
  InputReport report;
  std::size_t articles = 0, records = 0;
  InputSink sink;
  sink.article = [&](Article&&) { ++articles; };
  sink.records = [&](RecordSet&& set) { records += set.entities.size() + set.statements.size(); };
  for (const InputFile& input : discover_inputs({data_path("bad")}, report)) read_input(input, sink, report);
  CHECK(report.files == expectations().size() + 1);
  CHECK(report.problems.size() == expectations().size());
  CHECK(report.articles == articles);
  CHECK(report.entity_records + report.statement_records == records);
  CHECK(articles == 1 + 2 + 2 + 1 + 2 + 1);  // README.md and the good JSON lines
}
