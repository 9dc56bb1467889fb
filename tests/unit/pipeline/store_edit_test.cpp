// `newsgraph load` writes a file into the store a batch at a time, inside
// the call's one transaction: memory does not grow with the file, and a bad
// line anywhere, even after many batches went to the store, leaves the store
// as the call found it.


#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <fmt/format.h>

#include "common/error.hpp"
#include "graph/rdf_parse.hpp"
#include "graph/store.hpp"
#include "pipeline/store_edit.hpp"

#include "pipeline_test_support.hpp"

namespace {

namespace fs = std::filesystem;

using ng::test::TempDir;

// `lines` N-Quads lines over `graphs` graphs; `last` replaces the last line.
void write_nquads(const std::string& path, std::size_t lines, std::size_t graphs, const std::string& last = "") {
  std::ofstream out(path, std::ios::binary);
  for (std::size_t i = 0; i < lines; ++i) {
    if (i + 1 == lines && !last.empty()) {
      out << last << "\n";
      break;
    }
    out << fmt::format("<http://example.org/person/{}> <http://schema.org/name> \"Person {} of the town\" "
                       "<http://example.org/graph/{}> .\n",
                       i, i, i % graphs);
  }
}

std::multiset<std::string> quads_of(const std::string& store_path) {
  ng::graph::Store store(ng::graph::StoreOptions{store_path, ng::graph::StoreOptions::Mode::ReadOnly, false});
  std::multiset<std::string> all;
  store.for_each_quad([&](const ng::ontology::Quad& q) {
    all.insert(q.subject.value + " " + q.predicate.value + " " + q.object.value + " " + q.graph_name);
  });
  return all;
}

ng::pipeline::LoadOptions load_options(const std::string& store, const std::string& file) {
  ng::pipeline::LoadOptions options;
  options.store_path = store;
  options.files = {file};
  options.batch_quads = 7;  // many batches for a file of a few hundred lines
  return options;
}

}  // namespace

TEST_CASE("A file of many batches loads all of its quads, and loading it again changes nothing",
          "[pipeline][load]") {
  TempDir dir;
  write_nquads(dir / "people.nq", 300, 4);
  const auto report = ng::pipeline::load_into_store(load_options(dir / "store", dir / "people.nq"));
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].quads == 300);
  CHECK(report.files[0].graphs.size() == 4);
  CHECK(report.store_quads == 300);
  const auto first = quads_of(dir / "store");
  CHECK(first.size() == 300);
  CHECK(first.count("http://example.org/person/299 http://schema.org/name Person 299 of the town "
                    "http://example.org/graph/3") == 1);

  // Each graph the file fills is replaced, not doubled, also when its quads
  // come in many batches.
  CHECK(ng::pipeline::load_into_store(load_options(dir / "store", dir / "people.nq")).store_quads == 300);
  CHECK(quads_of(dir / "store") == first);
}

TEST_CASE("A bad last line after many batches leaves the store as it was", "[pipeline][load]") {
  TempDir dir;
  write_nquads(dir / "people.nq", 40, 2);
  ng::pipeline::load_into_store(load_options(dir / "store", dir / "people.nq"));
  const auto before = quads_of(dir / "store");
  REQUIRE(before.size() == 40);

  // Same graphs (they would be emptied first) and 200 good lines before it.
  write_nquads(dir / "bad.nq", 201, 2, "<http://example.org/person/x> <http://schema.org/name> oops .");
  try {
    ng::pipeline::load_into_store(load_options(dir / "store", dir / "bad.nq"));
    FAIL("a bad line was loaded");
  } catch (const ng::ParseError& error) {
    CHECK(std::string(error.what()).find("bad.nq:201") != std::string::npos);
  }
  CHECK(quads_of(dir / "store") == before);

  // Invalid UTF-8 on the last line of a file bigger than serd's page
  // (1 MiB): found by the page check, with the whole file's line number.
  write_nquads(dir / "bytes.nq", 12'000, 3, "<http://example.org/a> <http://schema.org/name> \"caf\xc3\" .");
  REQUIRE(fs::file_size(dir / "bytes.nq") > (1u << 20));
  try {
    ng::pipeline::load_into_store(load_options(dir / "store", dir / "bytes.nq"));
    FAIL("invalid UTF-8 was loaded");
  } catch (const ng::ParseError& error) {
    CHECK(std::string(error.what()).find("bytes.nq:12000") != std::string::npos);
  }
  CHECK(quads_of(dir / "store") == before);
}

TEST_CASE("A file read a page at a time gives the quads of the file read whole", "[pipeline][load]") {
  TempDir dir;
  // Turtle with prefixes, blank nodes and a multi-byte name that the first
  // 1 MiB page cuts somewhere (the names make the file bigger than a page).
  {
    std::ofstream out(dir / "people.ttl", std::ios::binary);
    out << "@prefix schema: <http://schema.org/> .\n@prefix ex: <http://example.org/> .\n";
    for (int i = 0; i < 12'000; ++i) {
      out << fmt::format("ex:p{} a schema:Person ; schema:name \"Zoë Ångström-Ünal {}\" ; "
                         "schema:knows [ schema:name \"friend {}\" ] .\n",
                         i, i, i);
    }
  }
  REQUIRE(fs::file_size(dir / "people.ttl") > (1u << 20));
  const auto whole = ng::graph::parse_rdf_file(dir / "people.ttl", "http://example.org/g");
  std::vector<ng::ontology::Quad> paged;
  std::size_t calls = 0;
  ng::graph::read_rdf_file(dir / "people.ttl", "http://example.org/g", 1000, [&](std::vector<ng::ontology::Quad>& quads) {
    CHECK(quads.size() <= 1000);
    ++calls;
    paged.insert(paged.end(), quads.begin(), quads.end());
  });
  CHECK(calls == (whole.size() + 999) / 1000);
  REQUIRE(paged.size() == whole.size());
  CHECK(paged == whole);
}
