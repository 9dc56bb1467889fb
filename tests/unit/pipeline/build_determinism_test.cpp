// `newsgraph build` must write the same graph however it runs: extraction
// runs on a pool of workers and storing on a thread of its own, but what is
// stored and written may depend on the input only.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "graph/store.hpp"
#include "pipeline/build.hpp"

namespace {

namespace fs = std::filesystem;
using ng::pipeline::BuildOptions;
using ng::pipeline::BuildReport;

class TempDir {
 public:
  TempDir() {
    static std::mt19937_64 random{std::random_device{}()};
    path_ = fs::temp_directory_path() / ("ng-pipeline-test-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(random()));
    fs::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A build of the examples (articles and records) into `store` (empty: in
// memory) and `out`.
BuildReport build(const std::string& store, const std::string& out, std::size_t threads, bool force = false) {
  BuildOptions options;
  options.inputs = {std::string(NG_SOURCE_DIR) + "/examples/articles", std::string(NG_SOURCE_DIR) + "/examples/records"};
  options.out_dir = out;
  options.store_path = store;
  options.threads = threads;
  options.force = force;
  return ng::pipeline::build_graph(options);
}

std::multiset<ng::ontology::Quad> contents(const std::string& store) {
  const ng::graph::Store reader({store, ng::graph::StoreOptions::Mode::ReadOnly, false});
  std::multiset<ng::ontology::Quad> quads;
  reader.for_each_quad([&](const ng::ontology::Quad& q) { quads.insert(q); });
  return quads;
}

const char* const kFiles[] = {"graph.nq", "graph.ttl", "graph.dot", "newsgraph.ttl"};

}  // namespace

TEST_CASE("the graph is the same whatever the number of threads", "[pipeline][build]") {
  TempDir dir;
  const BuildReport one = build(dir / "store-1", dir / "out-1", 1);
  REQUIRE(one.articles_built > 0);
  for (const std::size_t threads : {2U, 5U}) {
    const std::string n = std::to_string(threads);
    const BuildReport many = build(dir / ("store-" + n), dir / ("out-" + n), threads);
    CHECK(many.articles_built == one.articles_built);
    CHECK(many.quads_added == one.quads_added);
    CHECK(many.store_quads == one.store_quads);
    CHECK(contents(dir / ("store-" + n)) == contents(dir / "store-1"));
    for (const char* file : kFiles) {
      INFO(file << " with " << threads << " threads");
      CHECK(read_file(dir / ("out-" + n) + "/" + file) == read_file(dir / "out-1/" + file));
    }
  }
}

TEST_CASE("an in-memory build writes the same files as a persistent one", "[pipeline][build]") {
  TempDir dir;
  build(dir / "store", dir / "out-store", 2);
  build("", dir / "out-memory", 2);
  for (const char* file : kFiles) {
    INFO(file);
    CHECK(read_file(dir / "out-memory/" + file) == read_file(dir / "out-store/" + file));
  }
}

TEST_CASE("building again skips every article and changes no byte", "[pipeline][build]") {
  TempDir dir;
  const BuildReport first = build(dir / "store", dir / "out-1", 2);
  const BuildReport again = build(dir / "store", dir / "out-2", 2);
  CHECK(again.articles_built == 0);
  CHECK(again.articles_unchanged == first.articles_built);
  CHECK(again.store_quads == first.store_quads);
  for (const char* file : kFiles) {
    INFO(file);
    CHECK(read_file(dir / "out-2/" + file) == read_file(dir / "out-1/" + file));
  }
  SECTION("and --force rebuilds every article into the same graph") {
    const BuildReport forced = build(dir / "store", dir / "out-3", 3, true);
    CHECK(forced.articles_built == first.articles_built);
    CHECK(forced.store_quads == first.store_quads);
    for (const char* file : kFiles) {
      INFO(file);
      CHECK(read_file(dir / "out-3/" + file) == read_file(dir / "out-1/" + file));
    }
  }
}
