// A build's files are written at the same time, each by a thread with a
// read-only Store of its own (pipeline/outputs.hpp): they must be byte for
// byte the files written one after the other, and a writer that fails must
// be reported with its file while the others are still written whole, and
// leave nothing half written under its name.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "graph/store.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/build.hpp"
#include "pipeline/outputs.hpp"

#include "pipeline_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using ng::test::read_file;
using ng::test::TempDir;

const char* const kFiles[] = {"graph.ttl", "graph.nq", "newsgraph.ttl", "graph.dot", "graph.svg"};

// Articles of our own, enough for a diagram with a few links.
void write_corpus(const TempDir& corpus) {
  corpus.write("bridge.txt",
               "Bridge opens\nMayor Lina Park said the new bridge over the Eldar river would open in May. "
               "Tomas Berg, who leads the Eldar Works Council, said the bridge was late.\n");
  corpus.write("ferry.txt",
               "Ferry resumes\nPia Sendt said the ferry to Lumo resumed on Friday. Lina Park said the ferry "
               "and the bridge would share a pier.\n");
}

// A store built from the corpus, without its files.
void build_store(const TempDir& corpus, const std::string& store) {
  ng::pipeline::BuildOptions options;
  options.inputs = {corpus.path().string()};
  options.store_path = store;
  options.threads = 2;
  options.write_files = false;
  REQUIRE(ng::pipeline::build_graph(options).articles_built == 2);
}

std::vector<std::string> write(const ng::graph::Store& store, const std::string& out, bool parallel,
                               std::map<std::string, double>& stage_ms) {
  const ng::ontology::IriMinter minter(store.base_iri().value_or(std::string(ng::ontology::IriMinter::kDefaultBase)));
  ng::pipeline::OutputOptions options;
  options.parallel = parallel;
  return ng::pipeline::write_outputs(store, minter, out, stage_ms, options);
}

bool any_temporary(const std::string& folder) {
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().extension() == ".tmp") return true;
  }
  return false;
}

}  // namespace

TEST_CASE("files written at the same time are those written one after the other", "[pipeline][outputs]") {
  TempDir corpus, dir;
  write_corpus(corpus);
  build_store(corpus, dir / "store");
  const ng::graph::Store store({dir / "store", ng::graph::StoreOptions::Mode::ReadOnly, false});
  std::map<std::string, double> sequential_ms, parallel_ms;
  const auto sequential = write(store, dir / "one-by-one", false, sequential_ms);
  const auto parallel = write(store, dir / "at-once", true, parallel_ms);
  CHECK(parallel.size() == 5);
  CHECK(parallel == ng::pipeline::output_paths(dir / "at-once", {}));
  for (const char* file : kFiles) {
    INFO(file);
    const std::string text = read_file(dir / "at-once/" + std::string(file));
    CHECK(!text.empty());
    // The SVG too: the same DOT text, laid out by a fresh `dot` process.
    CHECK(text == read_file(dir / "one-by-one/" + std::string(file)));
  }
  for (const char* stage : {"turtle", "nquads", "diagram"}) {
    INFO(stage);
    CHECK(parallel_ms.count(stage) == 1);
  }
  CHECK(!any_temporary(dir / "at-once"));
}

TEST_CASE("a writer that fails among writers at the same time is named, and leaves no half file",
          "[pipeline][outputs]") {
  TempDir corpus, dir;
  write_corpus(corpus);
  build_store(corpus, dir / "store");
  const ng::graph::Store store({dir / "store", ng::graph::StoreOptions::Mode::ReadOnly, false});
  std::map<std::string, double> ms;
  write(store, dir / "whole", false, ms);

  // A folder where a file is to go: its writer writes the whole temporary
  // file, and then cannot put it under its name.
  const std::string failing = GENERATE(as<std::string>{}, "graph.nq", "graph.svg", "graph.ttl");
  INFO(failing);
  fs::create_directories(dir / ("out/" + failing + "/kept"));
  try {
    write(store, dir / "out", true, ms);
    FAIL("writing over a folder succeeded");
  } catch (const ng::IoError& e) {
    const std::string message = e.what();
    CHECK(message.find(dir / "out/" + failing) != std::string::npos);
    CHECK(message.find("cannot write") != std::string::npos);
    CHECK(message.find(".tmp") == std::string::npos);
  }
  CHECK(fs::is_directory(dir / ("out/" + failing + "/kept")));  // untouched
  CHECK(!any_temporary(dir / "out"));
  // The other writers finished their files, whole.
  const std::map<std::string, std::vector<std::string>> others = {
      {"graph.nq", {"graph.ttl", "graph.dot", "graph.svg"}},
      {"graph.svg", {"graph.ttl", "graph.nq", "newsgraph.ttl"}},
      {"graph.ttl", {"graph.nq", "newsgraph.ttl", "graph.dot", "graph.svg"}}};
  for (const auto& file : others.at(failing)) {
    INFO(file);
    CHECK(read_file(dir / "out/" + file) == read_file(dir / "whole/" + file));
  }
}
