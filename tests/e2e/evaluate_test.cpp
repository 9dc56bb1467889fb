#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e_support.hpp"

using namespace ng;
using namespace ng::e2e;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> tricky_args(std::vector<std::string> extra) {
  const fs::path tricky = source_dir() / "tests/data/evaluation/tricky";
  std::vector<std::string> args{"evaluate", "--gold", (tricky / "gold").string(), "--graph",
                                (tricky / "graph/a.ttl").string(), (tricky / "graph/b.nt").string(),
                                (tricky / "graph/c.rdf").string(), "--graph", (tricky / "graph/d.trig").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("evaluate prints a table of the figures per kind of finding", "[e2e][evaluate]") {
  const auto run = newsgraph(tricky_args({}));
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out ==
        "3 of 4 gold articles found in the graph\n"
        "metric                    gold  pred    tp       P       R      F1\n"
        "entities.Person              5     4     4   1.000   0.800   0.889\n"
        "entities.Organization        4     4     3   0.750   0.750   0.750\n"
        "entities.Place               4     4     4   1.000   1.000   1.000\n"
        "entities                    13    12    11   0.917   0.846   0.880\n"
        "statements                   7     7     6   0.857   0.857   0.857\n"
        "who_said_what                7     7     5   0.714   0.714   0.714\n"
        "about                        7     7     6   0.857   0.857   0.857\n");
  // The missing article is named on stderr.
  CHECK(run.err.find("no article for missing_piece.txt") != std::string::npos);
}

TEST_CASE("evaluate --json prints the report's keys and figures", "[e2e][evaluate]") {
  const auto run = newsgraph(tricky_args({"--json"}));
  REQUIRE(run.exit_code == 0);
  const auto report = nlohmann::json::parse(run.out);
  CHECK(report["gold_files"] == 4);
  CHECK(report["missing_articles"] == nlohmann::json::array({"missing_piece.txt"}));
  CHECK(report["metrics"]["who_said_what"]["tp"] == 5);
  CHECK(report["metrics"]["who_said_what"]["f1"] == 0.7143);
  CHECK(report["per_article"]["quay_dispute.txt"]["entities.Organization"]["pred"] == 3);
}

TEST_CASE("evaluate --verbose lists misses and false positives per article", "[e2e][evaluate]") {
  const auto run = newsgraph(tricky_args({"--verbose"}));
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("== missing_piece.txt (article not found)\n"
                     "  entity FN     Person 'Ilse Brandt'\n"
                     "  statement FN  Ilse Brandt: 'nobody has read this article yet'\n") != std::string::npos);
  CHECK(run.out.find("  entity FP     Organization 'ＶＥＬＭＡＲ'\n") != std::string::npos);
  CHECK(run.out.find("  wrong speaker 'the reopening was unsafe and rushed': Mara Lindqvist, velmar dockers union "
                     "instead of Velmar Dockers' Union\n") != std::string::npos);
  CHECK(run.out.find("  about FN      Kessa River in 'the dam talks would resume in spring'\n") != std::string::npos);
  CHECK(run.out.find("3 of 4 gold articles found in the graph") != std::string::npos);
}

TEST_CASE("evaluate reads the store a build wrote, and its Turtle export, alike", "[e2e][evaluate]") {
  const auto& build = examples_build();
  const std::string gold = (source_dir() / "tests/data/corpus/gold").string();
  const auto from_store = newsgraph({"evaluate", "--gold", gold, "--store", build.store.string(), "--json"});
  const auto from_file = newsgraph({"evaluate", "--gold", gold, "--graph", (build.out / "graph.ttl").string(), "--json"});
  INFO(from_store.err);
  REQUIRE(from_store.exit_code == 0);
  REQUIRE(from_file.exit_code == 0);
  CHECK(from_store.out == from_file.out);
  const auto report = nlohmann::json::parse(from_store.out);
  CHECK(report["missing_articles"].empty());
  CHECK(report["metrics"]["entities"]["f1"].get<double>() > 0.5);
}

TEST_CASE("a bad gold file is one line on stderr naming it, exit 1", "[e2e][evaluate]") {
  ScratchDir dir;
  fs::create_directories(dir / "gold");
  write_file(dir / "gold/a.gold.json", R"({"entities": [], "statements": []})");
  write_file(dir / "gold/b.gold.json",
             R"({"entities": [{"id": "x", "type": "Person", "name": "X"}], "statements": [{"speaker": "y", "text": "t"}]})");
  const std::string graph = (source_dir() / "tests/data/evaluation/tricky/graph/a.ttl").string();
  auto run = newsgraph({"evaluate", "--gold", (dir / "gold").string(), "--graph", graph});
  CHECK(run.exit_code == 1);
  CHECK(lines(run.err) == 1);
  CHECK(run.err.find((dir / "gold/b.gold.json").string() + ": statement 1: speaker \"y\"") != std::string::npos);
  CHECK(run.out.empty());

  write_file(dir / "gold/b.gold.json", "{\"entities\": [,]}");
  run = newsgraph({"evaluate", "--gold", (dir / "gold").string(), "--graph", graph});
  CHECK(run.exit_code == 1);
  CHECK(lines(run.err) == 1);
  CHECK(run.err.find((dir / "gold/b.gold.json").string() + ":1:15: invalid JSON") != std::string::npos);
}

TEST_CASE("evaluate without gold, or with both a store and graph files, is a usage error", "[e2e][evaluate]") {
  CHECK(newsgraph({"evaluate", "--graph", "x.ttl"}).exit_code == 2);
  CHECK(newsgraph({"evaluate", "--gold", "g", "--graph", "x.ttl", "--store", "s"}).exit_code == 2);
}
