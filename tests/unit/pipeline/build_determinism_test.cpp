// `newsgraph build` must write the same graph however it runs: extraction
// runs on a pool of workers and storing on a thread of its own, but what is
// stored and written may depend on the input only.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "graph/store.hpp"
#include "ontology/vocabulary.hpp"
#include "pipeline/build.hpp"

#include "pipeline_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using ng::pipeline::BuildOptions;
using ng::pipeline::BuildReport;

using ng::test::read_file;
using ng::test::TempDir;

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

// A picture's text with its geometry masked: curves and polygons whole,
// every other number. Graphviz's curve routing can differ, rarely (about
// one drawing in fifty on a busy machine), in a curve's points between two
// runs of the same DOT text; the DOT itself is compared byte for byte, so
// the SVG is compared for its elements, names and labels.
std::string masked_geometry(const std::string& svg) {
  static const std::regex shape(R"re(\b(d|points)="[^"]*")re");
  static const std::regex number("-?[0-9]+(\\.[0-9]+)?");
  return std::regex_replace(std::regex_replace(svg, shape, "$1=\"\""), number, "#");
}

// Empty when the files are equal (SVG pictures up to their numbers);
// otherwise where they first differ, so a failure in CI says what changed,
// not only that something did.
std::string first_difference(const std::string& path, const std::string& expected_path) {
  const bool picture = path.ends_with(".svg");
  const std::string actual = picture ? masked_geometry(read_file(path)) : read_file(path);
  const std::string expected = picture ? masked_geometry(read_file(expected_path)) : read_file(expected_path);
  if (actual == expected) return {};
  std::istringstream a(actual), e(expected);
  std::string line_a, line_e;
  for (std::size_t line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_e = static_cast<bool>(std::getline(e, line_e));
    if (!more_a && !more_e) return "the files differ only in their last bytes";
    if (line_a != line_e || more_a != more_e) {
      constexpr std::size_t kShown = 300;
      return "line " + std::to_string(line) + ": got '" + line_a.substr(0, kShown) + "', expected '" +
             line_e.substr(0, kShown) + "'";
    }
  }
}

std::multiset<ng::ontology::Quad> contents(const std::string& store) {
  const ng::graph::Store reader({store, ng::graph::StoreOptions::Mode::ReadOnly, false});
  std::multiset<ng::ontology::Quad> quads;
  reader.for_each_quad([&](const ng::ontology::Quad& q) { quads.insert(q); });
  return quads;
}

const char* const kFiles[] = {"graph.nq", "graph.ttl", "graph.dot", "graph.svg", "newsgraph.ttl"};

}  // namespace

TEST_CASE("the graph is the same whatever the number of threads", "[pipeline][build]") {
  TempDir dir;
  const BuildReport one = build(dir / "store-1", dir / "out-1", 1);
  REQUIRE(one.articles_built > 0);
  CHECK(one.extractions == one.articles_built);  // once each: pass 2 maps what pass 1 kept
  for (const std::size_t threads : {2U, 5U}) {
    const std::string n = std::to_string(threads);
    const BuildReport many = build(dir / ("store-" + n), dir / ("out-" + n), threads);
    CHECK(many.articles_built == one.articles_built);
    CHECK(many.quads_added == one.quads_added);
    CHECK(many.store_quads == one.store_quads);
    CHECK(contents(dir / ("store-" + n)) == contents(dir / "store-1"));
    for (const char* file : kFiles) {
      INFO(file << " with " << threads << " threads");
      CHECK(first_difference(dir / ("out-" + n) + "/" + file, dir / "out-1/" + file) == "");
    }
  }
}

TEST_CASE("an in-memory build writes the same files as a persistent one", "[pipeline][build]") {
  TempDir dir;
  build(dir / "store", dir / "out-store", 2);
  build("", dir / "out-memory", 2);
  for (const char* file : kFiles) {
    INFO(file);
    CHECK(first_difference(dir / "out-memory/" + file, dir / "out-store/" + file) == "");
  }
}

TEST_CASE("building again skips every article and changes no byte", "[pipeline][build]") {
  TempDir dir;
  const BuildReport first = build(dir / "store", dir / "out-1", 2);
  const BuildReport again = build(dir / "store", dir / "out-2", 2);
  CHECK(again.articles_built == 0);
  CHECK(again.articles_unchanged == first.articles_built);
  CHECK(again.nothing_changed);
  CHECK(contents(dir / "store").size() == first.store_quads);
  for (const char* file : kFiles) {
    INFO(file);
    CHECK(first_difference(dir / "out-2/" + file, dir / "out-1/" + file) == "");
  }
  SECTION("and --force rebuilds every article into the same graph") {
    const BuildReport forced = build(dir / "store", dir / "out-3", 3, true);
    CHECK(forced.articles_built == first.articles_built);
    CHECK(forced.store_quads == first.store_quads);
    for (const char* file : kFiles) {
      INFO(file);
      CHECK(first_difference(dir / "out-3/" + file, dir / "out-1/" + file) == "");
    }
  }
}

namespace {

// Articles written for this test, where linking across articles matters: a
// surname that belongs to one person until a second person with it comes,
// a surname with one owner, and a short name that is another's alias.
const std::vector<std::pair<std::string, std::string>> kLinkedArticles{
    {"a_mayor.txt", "Harbour to reopen\nMara Velkin, the mayor of Ostrel, said the harbour would reopen on Monday.\n"},
    {"b_fees.txt", "Fees to fall\nVelkin said on Tuesday that the port fees would fall by a third.\n"},
    {"c_fisherman.txt", "Fishermen protest\nTomas Velkin, a fisherman from Tarsk, said the fees were still too high.\n"},
    {"d_authority.txt",
     "Port plan approved\nThe Ostrel Port Authority approved a new quay on Wednesday. The Port Authority said work "
     "would start in May, according to Ilka Brun.\n"},
    {"e_statement.txt",
     "Quay delayed\nThe Port Authority said the new quay would be delayed. Brun warned that costs had doubled.\n"},
    {"f_union.txt",
     "Dockers respond\nIlka Brun met the Ostrel Dockworkers Union on Thursday. The union said it welcomed the quay.\n"},
};

// Writes the linked articles into `corpus`; their file names, in order.
std::vector<std::string> write_linked_articles(const TempDir& corpus) {
  std::vector<std::string> names;
  for (const auto& [name, text] : kLinkedArticles) {
    std::ofstream(corpus / name) << text;
    names.push_back(name);
  }
  return names;
}

// Builds `names` (files of `corpus`) into `store`, writing `out`.
BuildReport build_files(const TempDir& corpus, const std::vector<std::string>& names, const std::string& store,
                        const std::string& out, bool force = false) {
  BuildOptions options;
  for (const auto& name : names) options.inputs.push_back(corpus / name);
  options.out_dir = out;
  options.store_path = store;
  options.threads = 2;
  options.force = force;
  options.diagram = false;
  return ng::pipeline::build_graph(options);
}

}  // namespace

TEST_CASE("the graph is the same whatever batches and order the articles were built in", "[pipeline][build][linking]") {
  TempDir corpus;
  const std::vector<std::string> all = write_linked_articles(corpus);
  TempDir dir;
  // At once.
  build_files(corpus, all, dir / "store-a", dir / "out-a");
  const std::string at_once = read_file(dir / "out-a/graph.nq");
  REQUIRE(at_once.find("person/ilka_brun") != std::string::npos);

  // In three separate builds, each given only its own articles, in an order
  // where the second Velkin comes first.
  build_files(corpus, {"c_fisherman.txt"}, dir / "store-b", dir / "out-b");
  build_files(corpus, {"a_mayor.txt", "b_fees.txt"}, dir / "store-b", dir / "out-b");
  const BuildReport last = build_files(corpus, {"d_authority.txt", "e_statement.txt", "f_union.txt"},
                                       dir / "store-b", dir / "out-b");
  CHECK(last.articles_built == 3);
  CHECK(last.extractions == 3);
  CHECK(read_file(dir / "out-b/graph.nq") == at_once);

  // Half, then all: the surname first links to the one Velkin it knows, and
  // is relinked when the second comes.
  build_files(corpus, {"a_mayor.txt", "b_fees.txt", "e_statement.txt"}, dir / "store-c", dir / "out-c");
  const BuildReport rest = build_files(corpus, all, dir / "store-c", dir / "out-c");
  CHECK(rest.articles_built == 3);
  CHECK(rest.articles_relinked >= 1);
  // The relinked articles are in this build's inputs, unchanged: mapped from
  // their stored layers, not read and extracted again.
  CHECK(rest.articles_relinked_stored == rest.articles_relinked);
  CHECK(rest.extractions == 3);
  CHECK(read_file(dir / "out-c/graph.nq") == at_once);

  // And --force right after changes nothing.
  build_files(corpus, all, dir / "store-a", dir / "out-forced", true);
  CHECK(read_file(dir / "out-forced/graph.nq") == at_once);
}

TEST_CASE("an article built earlier is relinked from the store when its input is not given", "[pipeline][build][linking]") {
  TempDir corpus;
  write_linked_articles(corpus);
  TempDir dir;
  build_files(corpus, {"a_mayor.txt", "b_fees.txt"}, dir / "store", dir / "out");
  const std::string before = read_file(dir / "out/graph.nq");
  CHECK(before.find("person/mara_velkin> <https://w3id.org/newsgraph/ns#") == std::string::npos);
  const BuildReport second = build_files(corpus, {"c_fisherman.txt"}, dir / "store", dir / "out");
  CHECK(second.articles_built == 1);
  CHECK(second.articles_relinked == 1);  // b_fees.txt: "Velkin" is no longer only Mara Velkin
  CHECK(second.articles_relinked_stored == 1);
  CHECK(second.extractions == 1);  // c_fisherman.txt alone
  const std::string after = read_file(dir / "out/graph.nq");
  CHECK(after.find("person/velkin>") != std::string::npos);
  build_files(corpus, {"a_mayor.txt", "b_fees.txt", "c_fisherman.txt"}, dir / "store-once", dir / "out-once");
  CHECK(after == read_file(dir / "out-once/graph.nq"));
}

TEST_CASE("an article stored without mapping layers is extracted again to be relinked", "[pipeline][build][linking]") {
  TempDir corpus;
  write_linked_articles(corpus);
  TempDir dir;
  build_files(corpus, {"a_mayor.txt", "b_fees.txt"}, dir / "store", dir / "out");
  {
    // As an older newsgraph stored it: everything but the layers.
    ng::graph::Store store({dir / "store", ng::graph::StoreOptions::Mode::ReadWrite, false});
    std::vector<ng::ontology::Quad> fees;
    std::string graph;
    store.for_each_quad([&](const ng::ontology::Quad& q) {
      if (q.graph_name.find("b_fees") == std::string::npos) return;
      graph = q.graph_name;
      if (q.predicate.value != ng::ontology::vocab::newsgraph::kMappingLayers) fees.push_back(q);
    });
    REQUIRE_FALSE(graph.empty());
    store.replace_graph(graph, fees);
    store.commit();
  }
  const BuildReport second = build_files(corpus, {"c_fisherman.txt"}, dir / "store", dir / "out");
  CHECK(second.articles_relinked == 1);
  CHECK(second.articles_relinked_stored == 0);
  CHECK(second.extractions == 2);  // c_fisherman.txt, and b_fees.txt again from the store's text
  build_files(corpus, {"a_mayor.txt", "b_fees.txt", "c_fisherman.txt"}, dir / "store-once", dir / "out-once");
  CHECK(read_file(dir / "out/graph.nq") == read_file(dir / "out-once/graph.nq"));
}

TEST_CASE("articles past the budget of kept layers are extracted again into the same graph", "[pipeline][build]") {
  TempDir corpus;
  const std::vector<std::string> all = write_linked_articles(corpus);
  TempDir dir;
  const BuildReport kept = build_files(corpus, all, dir / "store-kept", dir / "out-kept");
  CHECK(kept.extractions == all.size());
  BuildOptions options;
  for (const auto& name : all) options.inputs.push_back(corpus / name);
  options.out_dir = dir / "out-none";
  options.store_path = dir / "store-none";
  options.threads = 2;
  options.diagram = false;
  options.kept_layers_bytes = 0;
  const BuildReport none = ng::pipeline::build_graph(options);
  CHECK(none.extractions == 2 * all.size());
  CHECK(read_file(dir / "out-none/graph.nq") == read_file(dir / "out-kept/graph.nq"));
}
