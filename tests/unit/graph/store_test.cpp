#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <functional>
#include <set>

#include "common/error.hpp"
#include "graph/store.hpp"
#include "graph/store_directory.hpp"
#include "graph_test_support.hpp"

using namespace ng;
using namespace ng::graph;
using namespace ng::graph::test;

namespace {

StoreOptions writer(const std::string& path) { return {path, StoreOptions::Mode::ReadWrite, true}; }
StoreOptions reader(const std::string& path) { return {path, StoreOptions::Mode::ReadOnly, false}; }

std::multiset<Quad> contents(const Store& store) {
  std::multiset<Quad> quads;
  store.for_each_quad([&](const Quad& q) { quads.insert(q); });
  return quads;
}

std::multiset<Quad> committed(const std::string& path) {
  const Store store(reader(path));
  return contents(store);
}

std::multiset<Quad> as_set(const std::vector<Quad>& quads) { return {quads.begin(), quads.end()}; }

// Runs `body` in a forked child and returns its wait status. The child
// never returns into Catch: it ends with _exit or a signal.
int in_child(const std::function<void()>& body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    try {
      body();
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

bool killed(int status) { return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL; }

std::vector<std::string> generations(const std::string& path) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("gen-")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<Quad> extra_article() {
  return {{ex("person/ilse_brandt"), rdf_type(), schema("Person"), article(3)},
          {ex("person/ilse_brandt"), schema("name"), lit("Ilse Brandt"), article(3)}};
}

// A persistent store with the newsroom committed.
void build_newsroom(const std::string& path) {
  Store store(writer(path));
  store.add(newsroom());
  store.commit();
}

}  // namespace

TEST_CASE("an in-memory store keeps each graph's copy of a shared triple", "[graph][store]") {
  Store store({});
  store.add(newsroom());
  CHECK(store.size() == newsroom().size());
  CHECK(contents(store) == as_set(newsroom()));
  CHECK_FALSE(store.persistent());
}

TEST_CASE("a quad added twice, in one call or in two, is stored once", "[graph][store]") {
  Store store({});
  std::vector<Quad> twice = newsroom();
  const std::vector<Quad> again = newsroom();
  twice.insert(twice.end(), again.begin(), again.end());
  store.add(twice);
  store.add(newsroom());
  CHECK(store.size() == newsroom().size());
}

TEST_CASE("a plain literal and the same literal typed xsd:string are one term", "[graph][store]") {
  Store store({});
  store.add(std::vector<Quad>{{ex("a"), schema("name"), lit("Vell"), article(1)}});
  store.add(std::vector<Quad>{
      {ex("a"), schema("name"), Term::literal("Vell", std::string(vocab::xsd::kString)), article(1)}});
  CHECK(store.size() == 1);
  CHECK(store.objects(kEx + "a", std::string(vocab::schema::kName)) == std::vector<Term>{lit("Vell")});
}

TEST_CASE("a quad without a graph name is refused", "[graph][store]") {
  Store store({});
  const std::vector<Quad> quads{{ex("a"), schema("name"), lit("x"), ""}};
  CHECK_THROWS_AS(store.add(quads), StoreError);
  CHECK_THROWS_WITH(store.add(quads), Catch::Contains("named graph"));
}

TEST_CASE("remove_graph removes exactly that graph's triples and counts them", "[graph][store]") {
  Store store({});
  store.add(newsroom());
  const auto before = contents(store);
  const std::size_t in_article_2 = std::count_if(before.begin(), before.end(),
                                                 [](const Quad& q) { return q.graph_name == article(2); });
  CHECK(store.remove_graph(article(2)) == in_article_2);
  CHECK_FALSE(store.has_graph(article(2)));
  CHECK(store.has_graph(article(1)));
  for (const Quad& q : contents(store)) CHECK(q.graph_name == article(1));
  CHECK(store.remove_graph(article(2)) == 0);
  // The shared person is still described by article 1.
  CHECK(store.objects(kEx + "person/tamsin_vell", std::string(vocab::schema::kName)) ==
        std::vector<Term>{lit("Tamsin Vell")});
}

TEST_CASE("replace_graph swaps one graph's triples and leaves the others", "[graph][store]") {
  Store store({});
  store.add(newsroom());
  const std::vector<Quad> rebuilt{{ex("quote/9"), rdf_type(), schema("Quotation"), ""},
                                  {ex("quote/9"), schema("creator"), ex("person/oren_maddox"), article(2)}};
  store.replace_graph(article(2), rebuilt);
  std::size_t in_2 = 0, in_1 = 0;
  for (const Quad& q : contents(store)) {
    (q.graph_name == article(2) ? in_2 : in_1) += 1;
    if (q.graph_name == article(2)) CHECK(q.subject == ex("quote/9"));
  }
  const auto all = newsroom();
  CHECK(in_2 == 2);
  CHECK(in_1 == static_cast<std::size_t>(
                    std::count_if(all.begin(), all.end(), [](const Quad& q) { return q.graph_name == article(1); })));
  const std::vector<Quad> wrong{{ex("x"), rdf_type(), schema("Thing"), article(1)}};
  CHECK_THROWS_AS(store.replace_graph(article(2), wrong), StoreError);
}

TEST_CASE("graph names come back sorted and objects once each", "[graph][store]") {
  Store store({});
  store.add(newsroom());
  CHECK(store.graph_names() == std::vector<std::string>{article(1), article(2)});
  CHECK(store.has_graph(article(1)));
  CHECK_FALSE(store.has_graph(article(7)));
  CHECK(store.objects(kEx + "person/tamsin_vell", std::string(vocab::rdf::kType)) ==
        std::vector<Term>{schema("Person")});
  CHECK(store.objects(kEx + "nobody", std::string(vocab::rdf::kType)).empty());
}

TEST_CASE("a committed store is there after reopening", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  CHECK(committed(path) == as_set(newsroom()));
  CHECK(std::filesystem::exists(dir / "store/newsgraph-store.json"));
  CHECK(generations(path) == std::vector<std::string>{"gen-000001"});

  {  // a second build adds an article and commits again
    Store store(writer(path));
    CHECK(store.size() == newsroom().size());
    store.add(extra_article());
    store.commit();
    CHECK(store.has_graph(article(3)));  // still usable after commit
  }
  auto expected = as_set(newsroom());
  for (const Quad& q : extra_article()) expected.insert(q);
  CHECK(committed(path) == expected);
  CHECK(generations(path) == std::vector<std::string>{"gen-000002"});
}

TEST_CASE("changes that were not committed are gone after reopening", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  {
    Store store(writer(path));
    store.add(extra_article());
    store.remove_graph(article(1));
    // Readers see the committed state while the writer works.
    CHECK(committed(path) == as_set(newsroom()));
  }
  CHECK(committed(path) == as_set(newsroom()));
  CHECK(generations(path) == std::vector<std::string>{"gen-000001"});
}

TEST_CASE("a writer that changes nothing does not copy the store", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  Store store(writer(path));
  store.commit();
  CHECK(generations(path) == std::vector<std::string>{"gen-000001"});
}

TEST_CASE("a read-only store refuses changes", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  Store store(reader(path));
  CHECK_THROWS_WITH(store.add(extra_article()), Catch::Contains("read-only"));
  CHECK_THROWS_AS(store.remove_graph(article(1)), StoreError);
  CHECK_THROWS_AS(store.commit(), StoreError);
}

TEST_CASE("opening a missing store read-only says how to make one", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "nowhere";
  CHECK_THROWS_WITH(Store(reader(path)),
                    "no store at " + path + ": run `newsgraph build` first or pass --store");
  CHECK_FALSE(std::filesystem::exists(path));
  // A store created but never committed has nothing to read either.
  { Store store(writer(path)); }
  CHECK_THROWS_WITH(Store(reader(path)), Catch::StartsWith("no store at "));
  CHECK_THROWS_WITH(Store(StoreOptions{dir / "other", StoreOptions::Mode::ReadWrite, false}),
                    Catch::StartsWith("no store at "));
}

TEST_CASE("a folder that is not a newsgraph store is left alone", "[graph][store]") {
  TempDir dir;
  write_file(dir / "holiday.txt", "not RDF");
  CHECK_THROWS_WITH(Store(writer(dir.path().string())), Catch::Contains("is not a newsgraph store"));
  CHECK_THROWS_WITH(Store(reader(dir.path().string())), Catch::Contains("is not a newsgraph store"));
  CHECK(std::vector<std::string>{} == generations(dir.path().string()));
  CHECK_FALSE(std::filesystem::exists(dir / "lock"));

  std::filesystem::create_directories(dir / "empty");
  Store store(writer(dir / "empty"));  // an empty folder may become a store
  CHECK(std::filesystem::exists(dir / "empty/newsgraph-store.json"));
}

TEST_CASE("a store of another format version is refused", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  write_file(path + "/newsgraph-store.json", R"({"format": "newsgraph-store", "version": 99})");
  CHECK_THROWS_WITH(Store(reader(path)), Catch::Contains("format version 99"));
}

TEST_CASE("a second writer is refused with the first writer's pid", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  int ready[2], done[2];
  REQUIRE(::pipe(ready) == 0);
  REQUIRE(::pipe(done) == 0);
  const pid_t child = ::fork();
  if (child == 0) {
    try {
      Store store(writer(path));
      char c = 'r';
      (void)!::write(ready[1], &c, 1);
      (void)!::read(done[0], &c, 1);  // hold the lock until the parent is done
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(0);
  }
  char c = 0;
  REQUIRE(::read(ready[0], &c, 1) == 1);
  CHECK_THROWS_WITH(Store(writer(path)), "store " + path + " is being written by another newsgraph process (pid " +
                                             std::to_string(child) + ")");
  CHECK(committed(path) == as_set(newsroom()));  // readers are not locked out
  (void)!::write(done[1], &c, 1);
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  Store store(writer(path));  // the lock went with the process
  for (int fd : {ready[0], ready[1], done[0], done[1]}) ::close(fd);
}

TEST_CASE("a writer killed before commit leaves the last committed state", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  SECTION("killed with SIGKILL") {
    const int status = in_child([&] {
      Store store(writer(path));
      store.add(extra_article());
      store.remove_graph(article(1));
      ::raise(SIGKILL);
    });
    CHECK(killed(status));
  }
  SECTION("ended with _exit, no destructors") {
    const int status = in_child([&] {
      Store store(writer(path));
      store.add(extra_article());
      ::_exit(0);
    });
    CHECK(WIFEXITED(status));
  }
  CHECK(committed(path) == as_set(newsroom()));
  CHECK(generations(path).size() == 2);  // the dead writer's generation
  { Store store(writer(path)); }         // the next writer cleans up
  CHECK(generations(path) == std::vector<std::string>{"gen-000001"});
  CHECK(committed(path) == as_set(newsroom()));
}

TEST_CASE("a writer killed while copying the live generation leaves it intact", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  const int status = in_child([&] {
    int copied = 0;
    set_store_crash_hook_for_testing([&](std::string_view point) {
      if (point == "copied-file" && ++copied == 2) ::raise(SIGKILL);
    });
    Store store(writer(path));
    store.add(extra_article());  // the first change copies the generation
  });
  CHECK(killed(status));
  CHECK(committed(path) == as_set(newsroom()));
  Store store(writer(path));
  CHECK(contents(store) == as_set(newsroom()));
  CHECK(generations(path) == std::vector<std::string>{"gen-000001"});
}

TEST_CASE("a writer killed inside commit leaves either the old or the new state", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  auto with_extra = as_set(newsroom());
  for (const Quad& q : extra_article()) with_extra.insert(q);

  const auto kill_at = [&](std::string_view where) {
    return in_child([&] {
      set_store_crash_hook_for_testing([&](std::string_view point) {
        if (point == where) ::raise(SIGKILL);
      });
      Store store(writer(path));
      store.add(extra_article());
      store.commit();
    });
  };
  SECTION("before the switch of CURRENT") {
    CHECK(killed(kill_at("synced")));
    CHECK(committed(path) == as_set(newsroom()));
    CHECK(killed(kill_at("current-tmp-written")));
    CHECK(committed(path) == as_set(newsroom()));
  }
  SECTION("right after the switch of CURRENT") {
    CHECK(killed(kill_at("current-switched")));
    CHECK(committed(path) == with_extra);
    CHECK(generations(path).size() == 2);  // the old generation was not yet deleted
    { Store store(writer(path)); }
    CHECK(generations(path) == std::vector<std::string>{"gen-000002"});
  }
}
