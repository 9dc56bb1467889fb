// The store under kill -9 and under concurrent readers: a build that dies at
// any moment leaves the last commit, leaves no stale copy behind, and a
// reader racing commits always gets an answer from one complete commit.

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

std::multiset<Quad> committed(const std::string& path) {
  const Store store(reader(path));
  std::multiset<Quad> quads;
  store.for_each_quad([&](const Quad& q) { quads.insert(q); });
  return quads;
}

std::multiset<Quad> as_set(const std::vector<Quad>& quads) { return {quads.begin(), quads.end()}; }

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

std::vector<std::string> files(const std::string& path) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

const std::vector<std::string> kStoreFiles{"data.mdb", "lock", "lock.mdb", "newsgraph-store.json"};

// An article graph of `size` quads whose every quad says which version of
// the article it belongs to, so that a reader can tell a whole graph from
// part of one.
std::vector<Quad> versioned_article(int number, int version, int size) {
  std::vector<Quad> quads;
  for (int i = 0; i < size; ++i) {
    quads.push_back({ex("a" + std::to_string(number) + "/m" + std::to_string(i)), schema("version"),
                     lit(std::to_string(version)), article(number)});
  }
  return quads;
}

std::vector<Quad> extra_article() {
  return {{ex("person/ilse_brandt"), rdf_type(), schema("Person"), article(3)},
          {ex("person/ilse_brandt"), schema("name"), lit("Ilse Brandt"), article(3)}};
}

void build_newsroom(const std::string& path) {
  Store store(writer(path));
  store.add(newsroom());
  store.commit();
}

}  // namespace

TEST_CASE("a writer killed before commit leaves the last committed state and no stale files", "[graph][store][crash]") {
  TempDir dir;
  const std::string path = dir / "store";
  build_newsroom(path);
  SECTION("killed with SIGKILL") {
    const int status = in_child([&] {
      Store store(writer(path));
      store.add(extra_article());
      store.remove_graph(article(1));
      store.commit();  // one commit, then more work that dies
      store.add(versioned_article(9, 1, 500));
      ::raise(SIGKILL);
    });
    CHECK(killed(status));
    auto expected = as_set(newsroom());
    std::erase_if(expected, [](const Quad& q) { return q.graph_name == article(1); });
    for (const Quad& q : extra_article()) expected.insert(q);
    CHECK(committed(path) == expected);
  }
  SECTION("ended with _exit, no destructors") {
    const int status = in_child([&] {
      Store store(writer(path));
      store.add(extra_article());
      ::_exit(0);
    });
    CHECK(WIFEXITED(status));
    CHECK(committed(path) == as_set(newsroom()));
  }
  CHECK(files(path) == kStoreFiles);
  Store store(writer(path));  // the next writer goes on from there
  store.add(versioned_article(7, 1, 3));
  store.commit();
}

TEST_CASE("a writer killed inside commit leaves either the old or the new state", "[graph][store][crash]") {
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
  SECTION("with the indexes written, before LMDB's commit") {
    CHECK(killed(kill_at("flushed")));
    CHECK(committed(path) == as_set(newsroom()));
  }
  SECTION("right after LMDB's commit") {
    CHECK(killed(kill_at("committed")));
    CHECK(committed(path) == with_extra);
  }
  CHECK(files(path) == kStoreFiles);
}

TEST_CASE("kill -9 at random moments of a big write leaves one whole commit", "[graph][store][crash]") {
  TempDir dir;
  const std::string path = dir / "store";
  {
    Store store(writer(path));
    for (int a = 0; a < 20; ++a) store.add(versioned_article(a, 0, 200));
    store.commit();
  }
  for (int trial = 0; trial < 3; ++trial) {
    const pid_t child = ::fork();
    if (child == 0) {
      try {
        Store store(writer(path));
        for (int round = 1;; ++round) {
          for (int a = 0; a < 20; ++a) store.replace_graph(article(a), versioned_article(a, round, 200));
          store.commit();
        }
      } catch (...) {
        ::_exit(3);
      }
    }
    ::usleep(static_cast<useconds_t>(30000 + 40000 * trial));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(killed(status));
    // Every article holds one version, and all hold the same one.
    const std::multiset<Quad> quads = committed(path);
    CHECK(quads.size() == 20 * 200);
    std::set<std::string> versions;
    for (const Quad& q : quads) versions.insert(q.object.value);
    CHECK(versions.size() == 1);
    CHECK(files(path) == kStoreFiles);
  }
}

TEST_CASE("a reader racing commits always reads one whole commit", "[graph][store][concurrency]") {
  TempDir dir;
  const std::string path = dir / "store";
  {
    Store store(writer(path));
    for (int a = 0; a < 5; ++a) store.add(versioned_article(a, 0, 100));
    store.commit();
  }
  int done[2];
  REQUIRE(::pipe(done) == 0);
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(done[0]);
    try {
      Store store(writer(path));
      for (int round = 1; round <= 150; ++round) {
        for (int a = 0; a < 5; ++a) store.replace_graph(article(a), versioned_article(a, round, 100 + round % 7));
        store.commit();
      }
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(0);
  }
  ::close(done[1]);
  int reads = 0, failures = 0, torn = 0;
  for (int status = 0; ::waitpid(child, &status, WNOHANG) == 0 || reads < 20; ++reads) {
    try {
      const std::multiset<Quad> quads = committed(path);
      std::set<std::string> versions;
      for (const Quad& q : quads) versions.insert(q.object.value);
      const int round = std::stoi(*versions.begin());
      if (versions.size() != 1 || quads.size() != static_cast<std::size_t>(5 * (round == 0 ? 100 : 100 + round % 7))) {
        ++torn;
      }
    } catch (const std::exception& e) {
      ++failures;
      UNSCOPED_INFO("read " << reads << " failed: " << e.what());
    }
    if (reads > 5000) break;
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(reads >= 20);
  CHECK(failures == 0);
  CHECK(torn == 0);
  ::close(done[0]);
}
