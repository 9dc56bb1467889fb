#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <functional>
#include <set>
#include <thread>
#include <vector>

#include "common/error.hpp"
#include "graph/store.hpp"
#include "graph/store_check.hpp"
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

// The files of a store directory, sorted.
std::vector<std::string> files(const std::string& path) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

const std::vector<std::string> kStoreFiles{"data.mdb", "lock", "lock.mdb", "newsgraph-store.json"};

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

TEST_CASE("replacing a graph by one that keeps most of it writes only the difference", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  std::vector<Quad> second;
  for (const Quad& q : newsroom()) {
    if (q.graph_name == article(2)) second.push_back(q);
  }
  REQUIRE(second.size() > 2);
  // One quad changes (a literal only it used), one goes, one comes (a new
  // term), and one comes twice.
  std::vector<Quad> rebuilt = second;
  rebuilt.pop_back();
  rebuilt.front().object = lit("a new spelling of the first object");
  rebuilt.push_back({ex("quote/77"), schema("creator"), ex("person/ines_calloway"), article(2)});
  rebuilt.push_back(rebuilt.back());
  {
    Store store(writer(path));
    store.set_graph_source(article(2), "/news/two.txt");
    store.replace_graph(article(2), rebuilt);
    store.commit();
  }
  const Store store(reader(path));
  std::set<Quad> expected;
  for (const Quad& q : newsroom()) {
    if (q.graph_name != article(2)) expected.insert(q);
  }
  expected.insert(rebuilt.begin(), rebuilt.end());
  const std::multiset<Quad> stored = contents(store);
  CHECK(std::set<Quad>(stored.begin(), stored.end()) == expected);
  CHECK(store.size() == expected.size());
  CHECK(store.graph_sources() == std::vector<std::pair<std::string, std::string>>{{article(2), "/news/two.txt"}});
  // Terms only the removed quads used are gone from the dictionary.
  const CheckReport check = check_store(path);
  CHECK(check.ok());
  CHECK(check.unused_terms == 0);
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
  CHECK(files(path) == kStoreFiles);

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
  CHECK(files(path) == kStoreFiles);
}

TEST_CASE("changes that were not committed are gone after reopening", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  {
    Store store(writer(path));
    store.add(extra_article());
    store.remove_graph(article(1));
    const auto all = newsroom();
    const auto in_2 = std::count_if(all.begin(), all.end(), [](const Quad& q) { return q.graph_name == article(2); });
    CHECK(store.size() == static_cast<std::size_t>(in_2) + extra_article().size());
    // Readers see the committed state while the writer works.
    CHECK(committed(path) == as_set(newsroom()));
  }
  CHECK(committed(path) == as_set(newsroom()));
}

TEST_CASE("a store remembers the base IRI it was built with", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  {
    Store store(writer(path));
    CHECK_FALSE(store.base_iri());
    store.set_base_iri("https://news.example.org/");
    store.add(newsroom());
    store.commit();
  }
  CHECK(Store(reader(path)).base_iri() == std::optional<std::string>("https://news.example.org/"));
  Store memory({});
  memory.set_base_iri("https://x.example/");
  CHECK(memory.base_iri() == std::optional<std::string>("https://x.example/"));
}

TEST_CASE("a read-only store refuses changes", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  Store store(reader(path));
  CHECK_THROWS_WITH(store.add(extra_article()), Catch::Contains("read-only"));
  CHECK_THROWS_AS(store.remove_graph(article(1)), StoreError);
  CHECK_THROWS_AS(store.commit(), StoreError);
  CHECK_THROWS_AS(store.set_base_iri("https://x.example/"), StoreError);
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
  CHECK(files(dir.path().string()) == std::vector<std::string>{"holiday.txt"});

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
  CHECK_THROWS_WITH(Store(writer(path)), Catch::Contains("format version 99"));
}

TEST_CASE("a Berkeley DB store of an older newsgraph is refused with the command that converts it",
          "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "old";
  std::filesystem::create_directories(path + "/gen-000003");
  write_file(path + "/newsgraph-store.json", R"({"format": "newsgraph-store", "version": 1})");
  write_file(path + "/CURRENT", "gen-000003\n");
  for (const auto& options : {reader(path), writer(path)}) {
    CHECK_THROWS_WITH(Store(options), Catch::Contains("older newsgraph (Berkeley DB") &&
                                          Catch::Contains("newsgraph migrate --store " + path));
  }
  // Nothing was written into it.
  CHECK(files(path) == std::vector<std::string>{"CURRENT", "gen-000003", "newsgraph-store.json"});
}

TEST_CASE("a truncated data file is refused instead of answering with wrong counts", "[graph][store]") {
  TempDir dir;
  const std::string path = dir / "store";
  {
    Store store(writer(path));
    std::vector<Quad> quads;
    for (int i = 0; i < 3000; ++i) {
      quads.push_back({ex("thing/" + std::to_string(i)), schema("name"), lit("name " + std::to_string(i)),
                       article(i % 50)});
    }
    store.add(quads);
    store.commit();
  }
  const auto size = std::filesystem::file_size(path + "/data.mdb");
  std::filesystem::resize_file(path + "/data.mdb", size / 2);
  CHECK_THROWS_WITH(Store(reader(path)), Catch::Contains("is damaged") && Catch::Contains("truncated"));
  CHECK_THROWS_WITH(Store(writer(path)), Catch::Contains("truncated"));
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
      store.add(extra_article());  // a write transaction with changes in it
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
  CHECK(contents(store) == as_set(newsroom()));
  for (int fd : {ready[0], ready[1], done[0], done[1]}) ::close(fd);
}

TEST_CASE("stores opened and closed on several threads at once (one per query, as serve does) stay sound",
          "[graph][store]") {
  TempDir dir;
  {
    Store store({dir / "store", StoreOptions::Mode::ReadWrite, true});
    store.add(newsroom());
    store.commit();
  }
  // Each store has its own librdf world; starting and freeing worlds
  // starts and stops libxml2, which crashed with "double free or
  // corruption" when two threads did it at once.
  std::vector<std::thread> threads;
  std::vector<std::size_t> sizes(4, 0);
  for (std::size_t t = 0; t < sizes.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        const Store store({dir / "store", StoreOptions::Mode::ReadOnly, false});
        sizes[t] += store.size();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const std::size_t total : sizes) CHECK(total == 40 * newsroom().size());
}
