// The LMDB store's writes with the map released under them
// (lmdb::Env::limit_mapped_pages): a build reads the dictionary and the
// indexes through the map while it writes, and releases the map's pages
// whenever they pass the budget, in the middle of a sorted run with its
// cursor open. Every quad and term must survive that.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "graph/lmdb.hpp"
#include "graph/quad_store.hpp"
#include "graph_test_support.hpp"

using namespace ng::graph;

namespace {

std::string iri(const std::string& local) { return "<http://example.org/harbour/" + local + ">"; }
std::string note(int n) {
  return "\"Berth " + std::to_string(n) + " was repainted before the " + std::string(120, 'x') + " season.\"";
}

}  // namespace

TEST_CASE("quads written while the map is released again and again are all kept", "[graph][store][lmdb]") {
  ng::test::TempDir dir;
  // A budget of one byte: every look at the map releases it.
  const auto env = lmdb::Env::open({dir.path(), /*writable=*/true, /*temporary=*/false, /*mapped_budget=*/1});
  constexpr int kQuads = 40000;
  std::vector<IdQuad> quads;
  {
    const auto store = QuadStore::open(dir.path(), QuadStore::Mode::Write);
    REQUIRE(&store->env() == env.get());  // the store shares the environment and its budget
    const TermId predicate = store->intern(iri("note"));
    for (int i = 0; i < kQuads; ++i) {
      const TermId subject = store->intern(iri("berth/" + std::to_string(i % 997)));
      const TermId object = store->intern(note(i));
      const TermId graph = store->intern(iri("article/" + std::to_string(i % 61)));
      quads.push_back({subject, predicate, object, graph});
      store->add(quads.back());
      // Several sorted runs, each into a bigger committed index (read through
      // the map; a transaction's own new pages are in its memory).
      if (i % 9000 == 8999) store->commit();
    }
    store->commit();
    CHECK(env->releases() > 10);
  }
  const auto store = QuadStore::open(dir.path(), QuadStore::Mode::Read);
  CHECK(store->size() == static_cast<std::size_t>(kQuads));
  for (int i = 0; i < kQuads; i += 7) {
    CHECK(store->contains(quads[static_cast<std::size_t>(i)]));
    CHECK(store->spelling(quads[static_cast<std::size_t>(i)].object) == note(i));
  }
  CHECK(store->find(note(kQuads - 1)) == quads.back().object);
}

TEST_CASE("listing every graph and spelling it keeps the map within its budget", "[graph][store][lmdb]") {
  ng::test::TempDir dir;
  const auto env = lmdb::Env::open({dir.path(), /*writable=*/true, /*temporary=*/false, /*mapped_budget=*/1});
  constexpr int kGraphs = 3000;
  {
    const auto store = QuadStore::open(dir.path(), QuadStore::Mode::Write);
    const TermId predicate = store->intern(iri("note"));
    for (int i = 0; i < kGraphs; ++i) {
      store->add({store->intern(iri("berth/" + std::to_string(i))), predicate, store->intern(note(i)),
                  store->intern(iri("article/" + std::to_string(i)))});
    }
    store->commit();
  }
  const auto store = QuadStore::open(dir.path(), QuadStore::Mode::Read);
  const std::size_t before = env->releases();
  std::size_t articles = 0;
  for (const TermId graph : store->graphs()) {
    if (store->spelling(graph).starts_with(iri("article/").substr(0, 30))) ++articles;
  }
  CHECK(articles == static_cast<std::size_t>(kGraphs));
  CHECK(env->releases() > before);
}
