// Stores users already have and stores that went wrong: `newsgraph migrate`
// from the Berkeley DB format of newsgraph 0.1, and `newsgraph check`.

#include <redland.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/c_deleter.hpp"
#include "common/error.hpp"
#include "graph/store.hpp"
#include "graph/store_check.hpp"
#include "graph/store_migrate.hpp"
#include "graph_test_support.hpp"

using namespace ng;
using namespace ng::graph;
using namespace ng::graph::test;

namespace {

StoreOptions writer(const std::string& path) { return {path, StoreOptions::Mode::ReadWrite, true}; }
StoreOptions reader(const std::string& path) { return {path, StoreOptions::Mode::ReadOnly, false}; }

std::set<Quad> contents(const Store& store) {
  std::set<Quad> quads;
  store.for_each_quad([&](const Quad& q) { quads.insert(q); });
  return quads;
}

// Writes a store as newsgraph 0.1 did: Redland's hashes storage over
// Berkeley DB in gen-000002/, CURRENT naming it, a format-1 marker.
void write_bdb_store(const std::string& root, const std::vector<Quad>& quads) {
  using WorldPtr = std::unique_ptr<librdf_world, CDeleter<librdf_free_world>>;
  using StoragePtr = std::unique_ptr<librdf_storage, CDeleter<librdf_free_storage>>;
  using ModelPtr = std::unique_ptr<librdf_model, CDeleter<librdf_free_model>>;
  using NodePtr = std::unique_ptr<librdf_node, CDeleter<librdf_free_node>>;
  using StatementPtr = std::unique_ptr<librdf_statement, CDeleter<librdf_free_statement>>;
  const std::string generation = root + "/gen-000002";
  std::filesystem::create_directories(generation);
  WorldPtr world(librdf_new_world());
  librdf_world_open(world.get());
  const std::string options = "hash-type='bdb',dir='" + generation + "',contexts='yes',index-predicates='yes',new='yes'";
  StoragePtr storage(librdf_new_storage(world.get(), "hashes", "triples", options.c_str()));
  REQUIRE(storage);
  ModelPtr model(librdf_new_model(world.get(), storage.get(), nullptr));
  const auto node = [&](const Term& term) -> librdf_node* {
    const auto* value = reinterpret_cast<const unsigned char*>(term.value.c_str());
    if (term.is_iri()) return librdf_new_node_from_uri_string(world.get(), value);
    return librdf_new_node_from_literal(world.get(), value, term.language.empty() ? nullptr : term.language.c_str(), 0);
  };
  for (const Quad& q : quads) {
    StatementPtr statement(librdf_new_statement_from_nodes(world.get(), node(q.subject), node(q.predicate), node(q.object)));
    NodePtr context(node(Term::iri(q.graph_name)));
    REQUIRE(librdf_model_context_add_statement(model.get(), context.get(), statement.get()) == 0);
  }
  librdf_model_sync(model.get());
  write_file(root + "/CURRENT", "gen-000002\n");
  write_file(root + "/newsgraph-store.json", R"({"format": "newsgraph-store", "version": 1, "created_by": "newsgraph 0.1.0"})");
}

void build(const std::string& path, const std::vector<Quad>& quads) {
  Store store(writer(path));
  store.add(quads);
  store.commit();
}

}  // namespace

TEST_CASE("migrate converts a Berkeley DB store of newsgraph 0.1 in place, keeping every quad", "[graph][store][migrate]") {
  TempDir dir;
  const std::string path = dir / "old";
  write_bdb_store(path, newsroom());
  REQUIRE_THROWS_WITH(Store(reader(path)), Catch::Contains("newsgraph migrate"));

  const MigrationReport report = migrate_bdb_store(path);
  CHECK(report.quads == newsroom().size());
  CHECK(report.graphs == 2);
  CHECK(report.old_bytes > 0);
  const std::vector<Quad> all = newsroom();
  const std::set<Quad> expected(all.begin(), all.end());
  CHECK(contents(Store(reader(path))) == expected);
  CHECK_FALSE(std::filesystem::exists(path + "/CURRENT"));
  CHECK_FALSE(std::filesystem::exists(path + "/gen-000002"));
  CHECK(check_store(path).ok());
  // Once is enough.
  CHECK_THROWS_WITH(migrate_bdb_store(path), Catch::Contains("nothing to migrate"));
  CHECK_THROWS_WITH(migrate_bdb_store(dir / "nowhere"), Catch::Contains("is not a newsgraph store"));
}

TEST_CASE("a migration that was interrupted leaves the old store, and runs again", "[graph][store][migrate]") {
  TempDir dir;
  const std::string path = dir / "old";
  write_bdb_store(path, newsroom());
  write_file(path + "/data.mdb", "half of an LMDB file");  // what a killed migration may leave
  CHECK_THROWS_WITH(Store(reader(path)), Catch::Contains("newsgraph migrate"));
  CHECK(migrate_bdb_store(path).quads == newsroom().size());
  CHECK(Store(reader(path)).size() == newsroom().size());
}

TEST_CASE("check finds a sound store sound and counts it", "[graph][store][check]") {
  TempDir dir;
  const std::string path = dir / "store";
  build(path, newsroom());
  const CheckReport report = check_store(path);
  CHECK(report.problems.empty());
  CHECK(report.quads == newsroom().size());
  CHECK(report.graphs == 2);
  CHECK(report.terms > 10);
  CHECK(report.unused_terms == 0);
}

TEST_CASE("check reports a truncated data file, a missing store and garbage", "[graph][store][check]") {
  TempDir dir;
  const std::string path = dir / "store";
  std::vector<Quad> quads;
  for (int i = 0; i < 4000; ++i) {
    quads.push_back({ex("s/" + std::to_string(i)), schema("name"), lit("name " + std::to_string(i)), article(i % 40)});
  }
  build(path, quads);
  SECTION("truncated") {
    std::filesystem::resize_file(path + "/data.mdb", std::filesystem::file_size(path + "/data.mdb") / 3);
    const CheckReport report = check_store(path);
    REQUIRE_FALSE(report.ok());
    CHECK_THAT(report.problems.front(), Catch::Contains("truncated"));
  }
  SECTION("garbage over the data pages") {
    // Overwrite everything after the two meta pages with a pattern that
    // LMDB cannot take for pages.
    const auto size = std::filesystem::file_size(path + "/data.mdb");
    std::fstream file(path + "/data.mdb", std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(2 * 4096);
    const std::string junk(size - 2 * 4096, '\x5a');
    file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    file.close();
    CHECK_FALSE(check_store(path).ok());
  }
  SECTION("not a store") {
    const CheckReport report = check_store(dir / "nowhere");
    REQUIRE_FALSE(report.ok());
    CHECK_THAT(report.problems.front(), Catch::StartsWith("no store at"));
  }
}

TEST_CASE("a graph's input file stays recorded when the graph is replaced, and goes when it is removed",
          "[graph][store][sources]") {
  TempDir dir;
  const std::string path = dir / "store";
  const std::string first = article(1), second = article(2);
  {
    Store store(writer(path));
    store.add(newsroom());
    store.set_graph_source(first, "/news/harbour.txt");
    store.set_graph_source(second, "/news/pier.txt");
    store.commit();
  }
  {
    // An article mapped again (its entities link elsewhere now) keeps its file.
    Store store(writer(path));
    std::vector<Quad> again;
    for (const Quad& q : newsroom()) {
      if (q.graph_name == first && q.predicate != schema("affiliation")) again.push_back(q);
    }
    store.replace_graph(first, again);
    CHECK(store.remove_graph(second) > 0);
    store.commit();
  }
  const Store store(reader(path));
  const std::vector<std::pair<std::string, std::string>> expected{{first, "/news/harbour.txt"}};
  CHECK(store.graph_sources() == expected);
  // A graph replaced by nothing is gone, and so is its file.
  {
    Store emptied(writer(dir / "store2"));
    emptied.add(newsroom());
    emptied.set_graph_source(first, "/news/harbour.txt");
    emptied.replace_graph(first, {});
    emptied.commit();
    CHECK(emptied.graph_sources().empty());
  }
}

TEST_CASE("side tables commit with the quads, are lost with them, and are never quads", "[graph][store][side]") {
  TempDir dir;
  const std::string path = dir / "store";
  std::uint64_t first_commit = 0;
  {
    Store store(writer(path));
    store.add(newsroom());
    store.set_side_value("records", "b", "two");
    store.set_side_value("records", "a", "one");
    store.set_side_value("records", "a/x", "one under a");
    store.set_side_value("other", "a", "elsewhere");
    store.commit();
    first_commit = store.last_commit_id();
    CHECK(first_commit > 0);
    store.set_side_value("records", "c", "not committed");
  }
  const auto scan = [](const Store& store, const std::string& table, const std::string& prefix) {
    std::vector<std::pair<std::string, std::string>> out;
    store.scan_side_table(table, prefix, [&](std::string_view key, std::string_view value) {
      out.emplace_back(std::string(key), std::string(value));
      return true;
    });
    return out;
  };
  {
    const Store store(reader(path));
    CHECK(store.last_commit_id() == first_commit);
    CHECK(store.side_value("records", "a") == std::optional<std::string>("one"));
    CHECK_FALSE(store.side_value("records", "c"));  // dropped with its transaction
    CHECK(scan(store, "records", "a") ==
          std::vector<std::pair<std::string, std::string>>{{"a", "one"}, {"a/x", "one under a"}});
    CHECK(scan(store, "records", "").size() == 3);  // not the other table's entry
    const std::vector<Quad> written = newsroom();
    CHECK(contents(store) == std::set<Quad>(written.begin(), written.end()));
    CHECK(store.size() == written.size());
  }
  {
    Store store(writer(path));
    store.erase_side_value("records", "a");
    store.clear_side_table("other");
    store.commit();
    CHECK(store.last_commit_id() > first_commit);
  }
  const Store store(reader(path));
  CHECK(scan(store, "records", "") == std::vector<std::pair<std::string, std::string>>{{"a/x", "one under a"},
                                                                                      {"b", "two"}});
  CHECK(scan(store, "other", "").empty());
  CHECK(check_store(path).problems.empty());
}
