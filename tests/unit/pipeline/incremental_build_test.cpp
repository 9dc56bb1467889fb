// An incremental build reads only what can have changed: input files whose
// records say they are unchanged are not read (pipeline/input_records.hpp),
// and only the earlier articles whose links can change are resolved again
// (pipeline/entity_index.hpp). Either way the graph must be byte for byte
// what a clean build of the same inputs writes.

#include <fcntl.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "graph/store.hpp"
#include "pipeline/analyze.hpp"
#include "pipeline/build.hpp"
#include "pipeline/input_records.hpp"
#include "pipeline/store_edit.hpp"

#include "pipeline_test_support.hpp"

namespace {

using ng::pipeline::BuildOptions;
using ng::pipeline::BuildReport;
using ng::test::read_file;
using ng::test::TempDir;

// Articles written for these tests: a board named in full only later, a
// surname that one person owns until a second arrives, and an article with
// nothing in common with either.
const char* const kBoardShort =
    "Quay opens in June\nThe Harbour Board said on Monday that the new quay would open in June.\n";
const char* const kBoardFull =
    "Board approves quay\nThe Tarsk Harbour Board approved the quay on Tuesday. The Harbour Board said the cost "
    "would be shared, according to Jon Arvid.\n";
const char* const kFerry = "Ferry resumes\nThe ferry to Lumo resumed on Friday, said Pia Sendt, who runs the line.\n";
const char* const kNetMaker = "Nets mended\nOla Ferrand, a net maker in Brisk, said demand had doubled.\n";
const char* const kSurname = "Prices rise\nFerrand said on Wednesday that prices would rise.\n";
const char* const kSecondFerrand = "New shop\nAnna Ferrand, a baker in Brisk, said the shop would open on Thursday.\n";
const char* const kNoSecondFerrand = "New shop\nAnna Morel, a baker in Brisk, said the shop would open on Thursday.\n";

// A tick short enough for a test, long enough for the kernel's coarse clock.
constexpr std::int64_t kTestTick = 20'000'000;

BuildReport build(const TempDir& corpus, const std::vector<std::string>& names, const std::string& store,
                  const std::string& out, std::int64_t tick = kTestTick) {
  BuildOptions options;
  for (const auto& name : names) options.inputs.push_back(corpus / name);
  options.out_dir = out;
  options.store_path = store;
  options.threads = 2;
  options.diagram = false;
  options.timestamp_tick_ns = tick;
  return ng::pipeline::build_graph(options);
}

// Files older than the test tick, so that their records are trusted.
void settle() { std::this_thread::sleep_for(std::chrono::milliseconds(60)); }

// The surname articles (Ola Ferrand's, "Ferrand" alone, Anna Ferrand's)
// written into `corpus`, the first two built into dir/store and dir/out.
void build_one_ferrand(const TempDir& corpus, const TempDir& dir) {
  corpus.write("a_nets.txt", kNetMaker);
  corpus.write("b_prices.txt", kSurname);
  corpus.write("c_shop.txt", kSecondFerrand);
  settle();
  build(corpus, {"a_nets.txt", "b_prices.txt"}, dir / "store", dir / "out");
}

}  // namespace

TEST_CASE("a new article that names a short name in full relinks the earlier article, found by the entity index",
          "[pipeline][build][incremental]") {
  TempDir corpus, dir;
  corpus.write("a_board.txt", kBoardShort);
  corpus.write("b_ferry.txt", kFerry);
  corpus.write("c_board.txt", kBoardFull);
  settle();
  const BuildReport first = build(corpus, {"a_board.txt", "b_ferry.txt"}, dir / "store", dir / "out");
  CHECK_FALSE(first.relinks_by_index);  // a new store has no index yet
  const BuildReport second = build(corpus, {"c_board.txt"}, dir / "store", dir / "out");
  CHECK(second.articles_built == 1);
  CHECK(second.relinks_by_index);
  CHECK(second.articles_relinked == 1);  // "the Harbour Board" of a_board.txt is now the Tarsk one
  CHECK(second.relinks_checked == 1);    // the ferry article shares no name: not read
  build(corpus, {"a_board.txt", "b_ferry.txt", "c_board.txt"}, dir / "store-clean", dir / "out-clean");
  CHECK(read_file(dir / "out/graph.nq") == read_file(dir / "out-clean/graph.nq"));
}

TEST_CASE("a surname relinks when a second person has it, and back when that person is gone, as a clean build",
          "[pipeline][build][incremental]") {
  TempDir corpus, dir;
  build_one_ferrand(corpus, dir);
  const std::string one_ferrand = read_file(dir / "out/graph.nq");
  const BuildReport second = build(corpus, {"c_shop.txt"}, dir / "store", dir / "out");
  CHECK(second.relinks_by_index);
  CHECK(second.articles_relinked == 1);  // "Ferrand" is no longer only Ola Ferrand
  build(corpus, {"a_nets.txt", "b_prices.txt", "c_shop.txt"}, dir / "store-clean", dir / "out-clean");
  CHECK(read_file(dir / "out/graph.nq") == read_file(dir / "out-clean/graph.nq"));

  SECTION("the changed article's old names are withdrawn from the index") {
    corpus.write("c_shop.txt", kNoSecondFerrand);
    const BuildReport third = build(corpus, {"c_shop.txt"}, dir / "store", dir / "out");
    CHECK(third.articles_built == 1);
    CHECK(third.relinks_by_index);
    CHECK(third.articles_relinked == 1);  // "Ferrand" is Ola Ferrand's again
    build(corpus, {"a_nets.txt", "b_prices.txt", "c_shop.txt"}, dir / "store-clean-2", dir / "out-clean-2");
    CHECK(read_file(dir / "out/graph.nq") == read_file(dir / "out-clean-2/graph.nq"));
  }
}

TEST_CASE("the entity index is not used once another writer changed the store", "[pipeline][build][incremental]") {
  TempDir corpus, dir;
  build_one_ferrand(corpus, dir);
  {
    // Other commands' commits: a graph added, then removed again.
    ng::graph::Store store({dir / "store", ng::graph::StoreOptions::Mode::ReadWrite, false});
    const std::string note = "urn:example:note";
    store.add(std::vector<ng::ontology::Quad>{{ng::ontology::Term::iri(note), ng::ontology::Term::iri(note),
                                               ng::ontology::Term::literal("checked"), note}});
    store.commit();
    REQUIRE(store.remove_graph(note) == 1);
    store.commit();
  }
  const BuildReport second = build(corpus, {"c_shop.txt"}, dir / "store", dir / "out");
  CHECK_FALSE(second.relinks_by_index);
  CHECK(second.articles_relinked == 1);
  const BuildReport third = build(corpus, {"a_nets.txt"}, dir / "store", dir / "out");
  CHECK(third.nothing_changed);
  corpus.write("d_board.txt", kBoardShort);
  const BuildReport fourth = build(corpus, {"d_board.txt"}, dir / "store", dir / "out");
  CHECK(fourth.relinks_by_index);  // written again by the build after
  build(corpus, {"a_nets.txt", "b_prices.txt", "c_shop.txt", "d_board.txt"}, dir / "store-clean", dir / "out-clean");
  CHECK(read_file(dir / "out/graph.nq") == read_file(dir / "out-clean/graph.nq"));
}

TEST_CASE("the network metrics analyze stores keep the entity index in use", "[pipeline][build][incremental]") {
  TempDir corpus, dir;
  build_one_ferrand(corpus, dir);
  {
    ng::graph::Store store({dir / "store", ng::graph::StoreOptions::Mode::ReadWrite, false});
    const auto analysed = ng::pipeline::analyze(store, ng::pipeline::AnalyzeOptions{});
    REQUIRE(analysed.metrics_quads > 0);
  }
  const BuildReport second = build(corpus, {"c_shop.txt"}, dir / "store", dir / "out");
  CHECK(second.relinks_by_index);
  CHECK(second.articles_relinked == 1);  // "Ferrand" is no longer only Ola Ferrand
  build(corpus, {"a_nets.txt", "b_prices.txt", "c_shop.txt"}, dir / "store-clean", dir / "out-clean");
  CHECK(read_file(dir / "out/graph.nq") == read_file(dir / "out-clean/graph.nq"));
}

TEST_CASE("input files unchanged since the last build are not read again", "[pipeline][build][incremental]") {
  TempDir corpus, dir;
  corpus.write("a_nets.txt", kNetMaker);
  corpus.write("b_ferry.txt", kFerry);
  settle();
  const BuildReport first = build(corpus, {"a_nets.txt", "b_ferry.txt"}, dir / "store", dir / "out");
  CHECK(first.files_not_read == 0);
  corpus.write("c_board.txt", kBoardFull);
  settle();
  const BuildReport second = build(corpus, {"a_nets.txt", "b_ferry.txt", "c_board.txt"}, dir / "store", dir / "out");
  CHECK(second.files_not_read == 2);
  CHECK(second.input.files == 3);
  CHECK(second.input.articles == 3);
  CHECK(second.articles_built == 1);
  CHECK(second.articles_unchanged == 2);
  build(corpus, {"a_nets.txt", "b_ferry.txt", "c_board.txt"}, dir / "store-clean", dir / "out-clean");
  CHECK(read_file(dir / "out/graph.nq") == read_file(dir / "out-clean/graph.nq"));

  SECTION("a file changed with its size and mtime put back is read again") {
    const std::string path = corpus / "b_ferry.txt";
    struct stat before {};
    REQUIRE(::stat(path.c_str(), &before) == 0);
    std::string changed = kFerry;
    changed.replace(changed.find("Friday"), 6, "Sunday");
    corpus.write("b_ferry.txt", changed);
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
    const BuildReport third = build(corpus, {"a_nets.txt", "b_ferry.txt", "c_board.txt"}, dir / "store", dir / "out");
    CHECK(third.files_not_read == 2);
    CHECK(third.articles_built == 1);
    CHECK(read_file(dir / "out/graph.nq").find("Sunday") != std::string::npos);
  }
  SECTION("an article the store no longer has is read from its file again") {
    {
      ng::graph::Store store({dir / "store", ng::graph::StoreOptions::Mode::ReadWrite, false});
      std::string graph;
      store.for_each_quad([&](const ng::ontology::Quad& q) {
        if (q.graph_name.find("a_nets") != std::string::npos) graph = q.graph_name;
      });
      REQUIRE(store.remove_graph(graph) > 0);
      store.commit();
    }
    const BuildReport third = build(corpus, {"a_nets.txt", "b_ferry.txt", "c_board.txt"}, dir / "store", dir / "out");
    CHECK(third.files_not_read == 2);
    CHECK(third.articles_built == 1);
    CHECK(read_file(dir / "out/graph.nq") == read_file(dir / "out-clean/graph.nq"));
  }
}

TEST_CASE("a file written within a timestamp tick of its read is read again by the next build",
          "[pipeline][build][incremental]") {
  TempDir corpus, dir;
  corpus.write("a_nets.txt", kNetMaker);
  // A tick of an hour: every file here was written within it.
  constexpr std::int64_t kHour = 3'600'000'000'000;
  build(corpus, {"a_nets.txt"}, dir / "store", dir / "out", kHour);
  const BuildReport again = build(corpus, {"a_nets.txt"}, dir / "store", dir / "out", kHour);
  CHECK(again.files_not_read == 0);
  CHECK(again.nothing_changed);
}

TEST_CASE("remove --missing and --input take the records of their input files with their graphs",
          "[pipeline][build][incremental][remove]") {
  TempDir corpus, dir;
  corpus.write("a_nets.txt", kNetMaker);
  corpus.write("b_ferry.txt", kFerry);
  corpus.write("c_board.txt", kBoardFull);
  settle();
  build(corpus, {"a_nets.txt", "b_ferry.txt", "c_board.txt"}, dir / "store", dir / "out");
  const auto recorded = [&] {
    const ng::graph::Store store({dir / "store", ng::graph::StoreOptions::Mode::ReadOnly, false});
    return ng::pipeline::InputRecords::matching(store, [](const std::string&) { return true; });
  };
  const std::string nets = ng::pipeline::InputRecords::key(corpus / "a_nets.txt");
  const std::string ferry = ng::pipeline::InputRecords::key(corpus / "b_ferry.txt");
  const std::string board = ng::pipeline::InputRecords::key(corpus / "c_board.txt");
  REQUIRE(recorded() == std::vector<std::string>{nets, ferry, board});

  std::filesystem::remove(corpus / "b_ferry.txt");
  ng::pipeline::RemoveOptions missing;
  missing.store_path = dir / "store";
  missing.missing = true;
  missing.dry_run = true;
  CHECK(ng::pipeline::remove_from_store(missing).records_pruned == std::vector<std::string>{ferry});
  CHECK(recorded().size() == 3);  // a dry run changes nothing
  missing.dry_run = false;
  const auto removed = ng::pipeline::remove_from_store(missing);
  CHECK(removed.removed.size() == 1);
  CHECK(removed.records_pruned == std::vector<std::string>{ferry});
  CHECK(recorded() == std::vector<std::string>{nets, board});

  ng::pipeline::RemoveOptions input;
  input.store_path = dir / "store";
  input.inputs = {corpus / "a_nets.txt"};
  CHECK(ng::pipeline::remove_from_store(input).records_pruned == std::vector<std::string>{nets});
  CHECK(recorded() == std::vector<std::string>{board});

  // Given again, the file is read and built again, as in a clean build.
  const BuildReport again = build(corpus, {"a_nets.txt", "c_board.txt"}, dir / "store", dir / "out");
  CHECK(again.files_not_read == 1);
  CHECK(again.articles_built == 1);
  build(corpus, {"a_nets.txt", "c_board.txt"}, dir / "store-clean", dir / "out-clean");
  CHECK(read_file(dir / "out/graph.nq") == read_file(dir / "out-clean/graph.nq"));
  CHECK(recorded() == std::vector<std::string>{nets, board});
}
