#include <catch2/catch.hpp>

#include <fstream>

#include "e2e_support.hpp"

using namespace ng;
using namespace ng::e2e;
namespace fs = std::filesystem;

TEST_CASE("bad input is skipped with one message per item, the rest is built, exit 3", "[e2e][bad]") {
  ScratchDir dir;
  const auto run = newsgraph({"build", (source_dir() / "tests/data/bad").string(),
                              (source_dir() / "examples/articles/harbour_strike.txt").string(), "--out",
                              (dir / "out").string(), "--store", (dir / "store").string()});
  INFO(run.err);
  CHECK(run.exit_code == 3);
  // Each bad file is named on stderr, with its line where it has one.
  for (const char* expected : {"invalid_utf8.txt:3:5", "nul_byte.txt", "empty.txt", "binary.html",
                               "broken_line.jsonl:2", "broken_row.csv:3", "not_json.json"}) {
    INFO(expected);
    CHECK(run.err.find(expected) != std::string::npos);
  }
  // The good article and the good lines of the broken files are in the store.
  CHECK(count(dir / "store", R"(SELECT (COUNT(*) AS ?n) WHERE { ?s schema:text ?t .
                                FILTER(CONTAINS(?t, "Every day we lose here")) })") == 1);
  CHECK(count(dir / "store", "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }") >= 5);
  // And the files written are valid RDF.
  if (have_program("rapper")) CHECK(shell("rapper -q -i turtle -c " + (dir / "out/graph.ttl").string()).exit_code == 0);
}

TEST_CASE("a path that does not exist is named and the run fails when nothing could be read", "[e2e][bad]") {
  ScratchDir dir;
  const auto run = newsgraph({"build", (dir / "no-such-file.txt").string(), "--out", (dir / "out").string(),
                              "--store", (dir / "store").string()});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("no-such-file.txt") != std::string::npos);
}

TEST_CASE("a 100 MB single line is refused with a message, not a crash", "[e2e][bad]") {
  ScratchDir dir;
  {
    std::ofstream huge(dir / "huge.txt", std::ios::binary);
    huge << "A title\n\n";
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) huge << chunk;
    huge << "\n";
  }
  write_file(dir / "ok.txt", "Quiet day\n\nNothing happened in Oslo, the police said.\n");
  const auto run = newsgraph({"build", dir.path().string(), "--out", (dir / "out").string(), "--store",
                              (dir / "store").string()});
  INFO(run.err);
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("huge.txt") != std::string::npos);
  CHECK(run.out.find("1 article built") != std::string::npos);
}

TEST_CASE("standard input is read as an article", "[e2e][build]") {
  ScratchDir dir;
  const auto run = newsgraph({"build", "-", "--out", (dir / "out").string(), "--store", (dir / "store").string()},
                             "Ferry resumes\n\n\u201CThe crossing is safe again,\u201D harbour master Jonas Berglund said.\n");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(count(dir / "store", R"(SELECT (COUNT(*) AS ?n) WHERE { ?s schema:creator ?p . ?p schema:name "Jonas Berglund" })") == 1);
}

TEST_CASE("invalid UTF-8 never reaches the store and the store stays readable", "[e2e][bad]") {
  ScratchDir dir;
  write_file(dir / "mixed.jsonl", std::string("{\"title\": \"Good\", \"text\": \"Mayor Lina Park opened the bridge.\"}\n") +
                                      "{\"title\": \"Bad\", \"text\": \"caf\xC3\x28 closed\"}\n");
  const auto run = newsgraph({"build", (dir / "mixed.jsonl").string(), "--out", (dir / "out").string(), "--store",
                              (dir / "store").string()});
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("mixed.jsonl:2") != std::string::npos);
  CHECK(count(dir / "store", "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }") == 1);
}
