#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "e2e_support.hpp"

using namespace ng;
using namespace ng::e2e;
namespace fs = std::filesystem;

namespace {

RunResult build(const ScratchDir& dir, const fs::path& input) {
  return newsgraph({"build", input.string(), "--out", (dir / "out").string(), "--store", (dir / "store").string()});
}

const std::string kArticle =
    "Bridge opens\n\nMayor Lina Park said the new bridge over the Eldar river would cut journeys by an hour.\n";
const std::string kChanged =
    "Bridge opens\n\nMayor Lina Park said the new bridge over the Eldar river would stay closed until spring.\n";

}  // namespace

TEST_CASE("building the same input twice changes nothing", "[e2e][incremental]") {
  ScratchDir dir;
  fs::copy(source_dir() / "examples/articles", dir / "articles");
  const auto first = build(dir, dir / "articles");
  REQUIRE(first.exit_code == 0);
  const std::string turtle = read_file(dir / "out/graph.ttl");
  const std::string nquads = read_file(dir / "out/graph.nq");
  const auto second = build(dir, dir / "articles");
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.find("0 articles built, 9 unchanged") != std::string::npos);
  CHECK(read_file(dir / "out/graph.ttl") == turtle);
  CHECK(read_file(dir / "out/graph.nq") == nquads);
}

TEST_CASE("re-building a changed article replaces its triples", "[e2e][incremental]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  write_file(dir / "in/other.txt", "Quiet day\n\nNothing happened in Oslo, the police said.\n");
  REQUIRE(build(dir, dir / "in").exit_code == 0);
  const std::string statements = R"(SELECT (COUNT(*) AS ?n) WHERE { ?s a schema:Quotation })";
  const long before = count(dir / "store", statements);
  write_file(dir / "in/bridge.txt", kChanged);
  const auto run = build(dir, dir / "in");
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("1 articles built, 1 unchanged") != std::string::npos);
  CHECK(count(dir / "store", R"(SELECT (COUNT(*) AS ?n) WHERE { ?s schema:text ?t . FILTER(CONTAINS(?t, "cut journeys")) })") == 0);
  CHECK(count(dir / "store", R"(SELECT (COUNT(*) AS ?n) WHERE { ?s schema:text ?t . FILTER(CONTAINS(?t, "until spring")) })") == 1);
  CHECK(count(dir / "store", statements) == before);
}

TEST_CASE("a build killed with SIGKILL leaves the last complete build in the store", "[e2e][incremental][crash]") {
  ScratchDir dir;
  write_file(dir / "first/bridge.txt", kArticle);
  REQUIRE(build(dir, dir / "first").exit_code == 0);
  const std::string articles = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }";
  REQUIRE(count(dir / "store", articles) == 1);
  // A bigger second input, killed part way.
  for (int i = 0; i < 400; ++i) {
    write_file(dir / ("second/a" + std::to_string(i) + ".txt"),
               "Story " + std::to_string(i) + "\n\nMayor Lina Park said road " + std::to_string(i) +
                   " in Oslo would reopen, the council of Bergen reported. \u201CWe are ready,\u201D she said.\n");
  }
  const std::string command = "'" + std::string(NG_CLI) + "' build '" + (dir / "second").string() + "' --out '" +
                              (dir / "out").string() + "' --store '" + (dir / "store").string() +
                              "' > /dev/null 2>&1 & pid=$!; sleep 0.4; kill -9 $pid; wait $pid; exit 0";
  shell(command);
  // The store opens, and holds either the first build or both: never part.
  const long after = count(dir / "store", articles);
  CHECK((after == 1 || after == 401));
  // A new build goes on from there.
  REQUIRE(build(dir, dir / "second").exit_code == 0);
  CHECK(count(dir / "store", articles) == 401);
}
