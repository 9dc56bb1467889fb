// The store from the command line: remove, load, check, migrate advice,
// readers during a build, kill -9 during a build, the remembered base IRI.

#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "e2e_support.hpp"

using namespace ng;
using namespace ng::e2e;
namespace fs = std::filesystem;

namespace {

const std::string kArticles = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }";

// An article about one invented person, named in full every time, so that
// what is extracted from it does not depend on the other articles.
std::string article(int i) {
  const std::string n = std::to_string(i);
  return "Ferry route " + n + " reopens\n\nHarbour director Talia Brennick-" + n + " said route " + n +
         " would reopen on Monday. \u201CThe boats are ready,\u201D Talia Brennick-" + n + " said.\n";
}

void write_corpus(const fs::path& dir, int from, int to) {
  for (int i = from; i < to; ++i) write_file(dir / ("story" + std::to_string(i) + ".txt"), article(i));
}

RunResult build(const fs::path& input, const fs::path& store, const fs::path& out) {
  return newsgraph({"build", input.string(), "--store", store.string(), "--out", out.string()});
}

std::string nquads(const fs::path& store) {
  const RunResult run = newsgraph({"export", "--store", store.string(), "--format", "nquads"});
  REQUIRE(run.exit_code == 0);
  return run.out;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("remove takes graphs out by IRI, by input file, and when their input is gone", "[e2e][store][remove]") {
  ScratchDir dir;
  write_corpus(dir / "in", 0, 4);
  REQUIRE(build(dir / "in", dir / "store", dir / "out").exit_code == 0);
  REQUIRE(count(dir / "store", kArticles) == 4);

  auto run = newsgraph({"remove", "--store", (dir / "store").string(), "--input", (dir / "in/story0.txt").string()});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("story0.txt") != std::string::npos);
  CHECK(count(dir / "store", kArticles) == 3);
  fs::remove(dir / "in/story0.txt");  // else the next build brings it back

  // Deleted and renamed inputs: --missing takes their graphs out.
  fs::remove(dir / "in/story1.txt");
  fs::rename(dir / "in/story2.txt", dir / "in/renamed.txt");
  REQUIRE(build(dir / "in", dir / "store", dir / "out").exit_code == 0);  // renamed.txt is a new article
  CHECK(count(dir / "store", kArticles) == 4);
  run = newsgraph({"remove", "--store", (dir / "store").string(), "--missing", "--dry-run"});
  CHECK(run.out.find("would remove") != std::string::npos);
  CHECK(count(dir / "store", kArticles) == 4);
  run = newsgraph({"remove", "--store", (dir / "store").string(), "--missing"});
  CHECK(run.exit_code == 0);
  CHECK(count(dir / "store", kArticles) == 2);

  // By IRI, and a name that is not there.
  const std::vector<std::string> left = select_column(dir / "store", "SELECT ?a WHERE { ?a a schema:NewsArticle } ORDER BY ?a");
  REQUIRE(left.size() == 2);
  run = newsgraph({"remove", "--store", (dir / "store").string(), left[0], "https://newsgraph.example/article/none"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("article/none: not in the store") != std::string::npos);
  CHECK(count(dir / "store", kArticles) == 1);
  CHECK(newsgraph({"check", "--store", (dir / "store").string()}).exit_code == 0);
  CHECK(newsgraph({"remove", "--store", (dir / "store").string()}).exit_code == 2);  // nothing named
}

TEST_CASE("load reads RDF files into the store, and a bad file loads nothing", "[e2e][store][load]") {
  ScratchDir dir;
  write_file(dir / "people.ttl", "@prefix schema: <http://schema.org/> .\n"
                                 "<http://example.org/p/1> a schema:Person ; schema:name \"Ines Aalto\" .\n");
  write_file(dir / "quotes.nq", "<http://example.org/q/1> <http://schema.org/text> \"Hello\" <http://example.org/g> .\n");
  write_file(dir / "bad.nt", "<http://example.org/a> <http://example.org/b> \"ok\" .\n<http://example.org/a> oops .\n");
  const std::string store = (dir / "store").string();

  auto run = newsgraph({"load", "--store", store, (dir / "people.ttl").string(), (dir / "bad.nt").string()});
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("bad.nt:2") != std::string::npos);
  CHECK(newsgraph({"query", "--store", store, "ASK { ?s ?p ?o }"}).exit_code == 1);  // never committed: no store

  run = newsgraph({"load", "--store", store, (dir / "people.ttl").string(), (dir / "quotes.nq").string()});
  CHECK(run.exit_code == 0);
  CHECK(count(dir / "store", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 3);
  CHECK(count(dir / "store", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }") == 1);
  // Loading the same file again replaces its graph: nothing doubles.
  CHECK(newsgraph({"load", "--store", store, (dir / "people.ttl").string()}).exit_code == 0);
  CHECK(count(dir / "store", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 3);
  // A bad file now leaves the loaded ones as they were.
  CHECK(newsgraph({"load", "--store", store, (dir / "bad.nt").string()}).exit_code == 1);
  CHECK(count(dir / "store", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 3);
  // The loaded file's graph goes with --missing once the file is deleted.
  fs::remove(dir / "people.ttl");
  CHECK(newsgraph({"remove", "--store", store, "--missing"}).exit_code == 0);
  CHECK(count(dir / "store", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == 1);
}

TEST_CASE("check passes a sound store and reports a truncated one; old stores get the migrate command",
          "[e2e][store][check]") {
  ScratchDir dir;
  write_corpus(dir / "in", 0, 30);
  REQUIRE(build(dir / "in", dir / "store", dir / "out").exit_code == 0);
  auto run = newsgraph({"check", "--store", (dir / "store").string()});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("is sound") != std::string::npos);

  fs::resize_file(dir / "store/data.mdb", fs::file_size(dir / "store/data.mdb") / 2);
  run = newsgraph({"check", "--store", (dir / "store").string()});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("truncated") != std::string::npos);
  run = newsgraph({"query", "--store", (dir / "store").string(), kArticles});
  CHECK(run.exit_code == 1);  // refused, not a wrong count
  CHECK(run.err.find("truncated") != std::string::npos);

  fs::create_directories(dir / "old/gen-000001");
  write_file(dir / "old/newsgraph-store.json", R"({"format": "newsgraph-store", "version": 1})");
  write_file(dir / "old/CURRENT", "gen-000001\n");
  run = newsgraph({"query", "--store", (dir / "old").string(), kArticles});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("newsgraph migrate --store") != std::string::npos);
}

TEST_CASE("later commands use the base IRI the store was built with", "[e2e][store]") {
  ScratchDir dir;
  write_corpus(dir / "in", 0, 2);
  REQUIRE(newsgraph({"build", (dir / "in").string(), "--store", (dir / "store").string(), "--out",
                     (dir / "out").string(), "--base", "https://news.example.org/"})
              .exit_code == 0);
  const auto run = newsgraph({"export", "--store", (dir / "store").string(), "--format", "turtle"});
  CHECK(run.out.find("@prefix person: <https://news.example.org/person/>") != std::string::npos);
  // A second build without --base keeps minting under the same base.
  write_corpus(dir / "in", 2, 3);
  REQUIRE(build(dir / "in", dir / "store", dir / "out").exit_code == 0);
  CHECK(count(dir / "store", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle . "
                             "FILTER(STRSTARTS(STR(?a), \"https://newsgraph.example/\")) }") == 0);
}

TEST_CASE("queries during a build answer from the last commit and never fail", "[e2e][store][concurrency]") {
  ScratchDir dir;
  write_corpus(dir / "first", 0, 5);
  write_corpus(dir / "second", 5, 400);
  REQUIRE(build(dir / "first", dir / "store", dir / "out").exit_code == 0);
  const std::string command = "'" + std::string(NG_CLI) + "' build " + quoted(dir / "second") + " --out " +
                              quoted(dir / "out2") + " --store " + quoted(dir / "store") + " > /dev/null 2>&1; echo done > " +
                              quoted(dir / "finished");
  std::thread builder([&] { shell(command); });
  std::set<long> answers;
  int failures = 0, queries = 0;
  while (!fs::exists(dir / "finished") || queries < 3) {
    const RunResult run = newsgraph({"query", "--store", (dir / "store").string(), "--format", "csv", kArticles});
    ++queries;
    if (run.exit_code != 0) {
      ++failures;
      UNSCOPED_INFO(run.err);
    } else {
      answers.insert(std::stol(run.out.substr(run.out.find('\n') + 1)));
    }
  }
  builder.join();
  CHECK(failures == 0);
  for (const long n : answers) CHECK((n == 5 || n == 400));  // the last commit, never part of a build
  CHECK(count(dir / "store", kArticles) == 400);
}

TEST_CASE("kill -9 at random moments of a build: the store holds the last commit and a rebuild converges",
          "[e2e][store][crash]") {
  ScratchDir dir;
  // Article IRIs come from file paths: every build reads the same folder,
  // with the last 200 files moved out of it for the first build.
  write_corpus(dir / "in", 0, 300);
  REQUIRE(build(dir / "in", dir / "clean", dir / "out").exit_code == 0);
  const std::string clean = nquads(dir / "clean");
  const auto move_later_files = [&](const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    for (int i = 100; i < 300; ++i) {
      const std::string name = "story" + std::to_string(i) + ".txt";
      fs::rename(from / name, to / name);
    }
  };
  std::mt19937 random(std::random_device{}());
  for (int trial = 0; trial < 3; ++trial) {
    const fs::path store = dir / ("store" + std::to_string(trial));
    move_later_files(dir / "in", dir / "later");
    REQUIRE(build(dir / "in", store, dir / "out").exit_code == 0);
    move_later_files(dir / "later", dir / "in");
    const std::string before = nquads(store);
    const int delay_ms = std::uniform_int_distribution<int>(50, 1500)(random);
    INFO("trial " << trial << ", killed after " << delay_ms << " ms");
    shell("'" + std::string(NG_CLI) + "' build " + quoted(dir / "in") + " --store " + quoted(store) + " --out " +
          quoted(dir / "out-killed") + " > /dev/null 2>&1 & pid=$!; sleep " + std::to_string(delay_ms / 1000.0) +
          "; kill -9 $pid; wait $pid; exit 0");
    CHECK(newsgraph({"check", "--store", store.string()}).exit_code == 0);
    const std::string after = nquads(store);
    CHECK((after == before || after == clean));
    REQUIRE(build(dir / "in", store, dir / "out").exit_code == 0);
    CHECK(nquads(store) == clean);
    // Nothing but the store's own files: no stale copy.
    std::set<std::string> files;
    for (const auto& entry : fs::directory_iterator(store)) files.insert(entry.path().filename().string());
    CHECK(files == std::set<std::string>{"data.mdb", "lock", "lock.mdb", "newsgraph-store.json"});
  }
}
