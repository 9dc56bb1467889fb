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
  CHECK(run.out.find("1 article built, 1 unchanged") != std::string::npos);
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

TEST_CASE("a rebuild where nothing changed says so and rewrites nothing", "[e2e][incremental]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  REQUIRE(build(dir, dir / "in").exit_code == 0);
  const auto written = fs::last_write_time(dir / "out/graph.nq");
  const auto svg = fs::last_write_time(dir / "out/graph.svg");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto again = build(dir, dir / "in");
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("nothing changed") != std::string::npos);
  CHECK(fs::last_write_time(dir / "out/graph.nq") == written);
  CHECK(fs::last_write_time(dir / "out/graph.svg") == svg);

  SECTION("but writes the files another --out lacks") {
    const auto elsewhere = newsgraph({"build", (dir / "in").string(), "--out", (dir / "other").string(), "--store",
                                      (dir / "store").string()});
    CHECK(elsewhere.exit_code == 0);
    CHECK(read_file(dir / "other/graph.nq") == read_file(dir / "out/graph.nq"));
  }
}

TEST_CASE("scripted builds can leave out the pictures (--no-diagram) and the files (--no-export)", "[e2e][incremental]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  const auto no_diagram = newsgraph({"build", (dir / "in").string(), "--out", (dir / "out").string(), "--store",
                                     (dir / "store").string(), "--no-diagram"});
  CHECK(no_diagram.exit_code == 0);
  CHECK(fs::exists(dir / "out/graph.nq"));
  CHECK_FALSE(fs::exists(dir / "out/graph.svg"));
  CHECK_FALSE(fs::exists(dir / "out/graph.dot"));
  const auto no_export = newsgraph({"build", (dir / "in").string(), "--out", (dir / "none").string(), "--store",
                                    (dir / "store2").string(), "--no-export"});
  CHECK(no_export.exit_code == 0);
  CHECK_FALSE(fs::exists(dir / "none"));
  CHECK(count(dir / "store2", "SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle }") == 1);
}

TEST_CASE("metrics stored by analyze are dropped, and said so, when a build changes the graph", "[e2e][incremental][analyze]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  write_file(dir / "in/ferry.txt", "Ferry strike\n\nCaptain Oskar Lind said the Eldar ferry would not sail, Mayor Lina Park said.\n");
  REQUIRE(build(dir, dir / "in").exit_code == 0);
  REQUIRE(newsgraph({"analyze", "--store", (dir / "store").string()}).exit_code == 0);
  const std::string ranked = "SELECT (COUNT(*) AS ?n) WHERE { ?e ng:pageRank ?r }";
  REQUIRE(count(dir / "store", ranked) > 0);
  // Nothing changed: the metrics still describe the graph.
  REQUIRE(build(dir, dir / "in").exit_code == 0);
  CHECK(count(dir / "store", ranked) > 0);

  write_file(dir / "in/bridge.txt", kChanged);
  const auto changed = build(dir, dir / "in");
  INFO(changed.err);
  CHECK(changed.exit_code == 0);
  CHECK(changed.err.find("network metrics") != std::string::npos);
  CHECK(changed.err.find("analyze again") != std::string::npos);
  CHECK(count(dir / "store", ranked) == 0);
}

TEST_CASE("asking for more threads than cores uses the cores and says so", "[e2e][build]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  const auto run = newsgraph({"build", (dir / "in").string(), "--out", (dir / "out").string(), "--store",
                              (dir / "store").string(), "--threads", "100000", "--no-diagram"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("100000 threads asked for; using") != std::string::npos);
}
