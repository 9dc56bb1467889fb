// Where newsgraph writes: every output path that cannot be written fails
// with the path and the reason (never "it worked" with nothing written, never
// a bare "writing failed"), standard output included, and a full disk says
// so in one line.

#include <unistd.h>

#include <catch2/catch.hpp>

#include "e2e_support.hpp"

using namespace ng;
using namespace ng::e2e;
namespace fs = std::filesystem;

namespace {

const char* const kArticle = "Bridge opens\n\nMayor Lina Park said the new bridge over the Eldar river would open.\n";

// A small store in `dir`/store.
void build_small(const ScratchDir& dir) {
  write_file(dir / "in/bridge.txt", kArticle);
  REQUIRE(newsgraph({"build", (dir / "in").string(), "--store", (dir / "store").string(), "--out",
                     (dir / "out").string(), "--no-diagram"})
              .exit_code == 0);
}

// Runs newsgraph with stdout sent to `target` (e.g. /dev/full).
RunResult with_stdout(const std::vector<std::string>& args, const std::string& target) {
  std::string line = "'" NG_CLI "'";
  for (const auto& a : args) line += " '" + a + "'";
  return shell("{ " + line + " > " + target + "; echo \"exit $?\" >&2; }");
}

// Runs a shell script in a mount namespace of its own with a small tmpfs at
// `mount_point`, to make a full disk without touching the machine's. Needs
// root (unshare -m); reports when it cannot.
bool can_make_full_disk() { return shell("unshare -m true").exit_code == 0; }

RunResult on_full_disk(const fs::path& mount_point, const std::string& command) {
  return shell("unshare -m sh -c \"mount -t tmpfs -o size=300k tmpfs '" + mount_point.string() + "' && " + command +
               "\"");
}

}  // namespace

TEST_CASE("writing into a missing folder fails with the path and the reason, in every format", "[e2e][outputs]") {
  ScratchDir dir;
  build_small(dir);
  const std::string missing = (dir / "missing_dir").string();
  for (const char* format : {"turtle", "nquads", "ntriples", "trig", "rdfxml", "dot", "svg"}) {
    const std::string path = missing + "/x." + format;
    const auto run = newsgraph({"export", "--store", (dir / "store").string(), "--format", format, "-o", path});
    INFO(format << ": " << run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(path + ": cannot write: No such file or directory") != std::string::npos);
    CHECK(run.out.find(path) == std::string::npos);  // not reported as written
  }
  for (const char* extension : {"svg", "png", "pdf", "dot"}) {
    const std::string path = missing + "/network." + extension;
    const auto run = newsgraph({"diagram", "--store", (dir / "store").string(), "-o", path});
    INFO(extension << ": " << run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(path + ": cannot write: No such file or directory") != std::string::npos);
    CHECK_FALSE(fs::exists(path));
  }
  CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("a build file that cannot be written among those written at the same time fails the build, naming it",
          "[e2e][outputs]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  const std::string in = (dir / "in").string();
  REQUIRE(newsgraph({"build", in, "--store", (dir / "store-whole").string(), "--out", (dir / "whole").string()})
              .exit_code == 0);
  // A folder where the Turtle file goes: its temporary file is written
  // whole and cannot take its name; the other files are written all the same.
  fs::create_directories(dir / "out/graph.ttl/kept");
  const auto run = newsgraph({"build", in, "--store", (dir / "store").string(), "--out", (dir / "out").string()});
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find((dir / "out/graph.ttl").string() + ": cannot write: Is a directory") != std::string::npos);
  CHECK(fs::is_directory(dir / "out/graph.ttl/kept"));
  CHECK_FALSE(fs::exists(dir / "out/graph.ttl.tmp"));
  for (const char* file : {"graph.nq", "newsgraph.ttl", "graph.dot", "graph.svg"}) {
    INFO(file);
    CHECK(read_file(dir / "out" / file) == read_file(dir / "whole" / file));
  }
}

TEST_CASE("an output folder that cannot be made fails before the build, naming it and why", "[e2e][outputs]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  write_file(dir / "a-file", "not a folder");
  const std::string out = (dir / "a-file/out").string();
  const auto build = newsgraph({"build", (dir / "in").string(), "--store", (dir / "store").string(), "--out", out});
  INFO(build.err);
  CHECK(build.exit_code == 1);
  CHECK(build.err.find(out + ": cannot create the output folder: Not a directory") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "store"));  // nothing was built for nothing

  build_small(dir);
  const auto analyze = newsgraph({"analyze", "--store", (dir / "store").string(), "--no-store", "--out", out});
  INFO(analyze.err);
  CHECK(analyze.exit_code == 1);
  CHECK(analyze.err.find(out) != std::string::npos);
  CHECK(analyze.err.find("Not a directory") != std::string::npos);
}

TEST_CASE("a full standard output is a failure with the reason, not a success", "[e2e][outputs]") {
  ScratchDir dir;
  build_small(dir);
  const std::string store = (dir / "store").string();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"export", "--store", store, "--format", "nquads"},
           {"query", "--store", store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"},
           {"stats", "--store", store}}) {
    const auto run = with_stdout(args, "/dev/full");
    INFO(args.front() << ": " << run.err);
    CHECK(run.err.find("exit 1\n") != std::string::npos);
    CHECK(run.err.find("standard output: cannot write: No space left on device") != std::string::npos);
  }
}

TEST_CASE("a full disk under --out or the store says what, where and why in one line", "[e2e][outputs][full-disk]") {
  if (!can_make_full_disk()) {
    WARN("cannot make a small disk here (unshare -m needs root): full-disk messages not tested");
    return;
  }
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  fs::create_directories(dir / "small");
  const std::string build = "'" NG_CLI "' build '" + (dir / "in").string() + "' --no-diagram";
  // 300 KB take the Turtle file but not the N-Quads file... or the other way
  // round: whichever fails must be named with the reason.
  const std::string big_article = std::string("Long day\n\n") + std::string(200000, 'x') + " said Lina Park.\n";
  write_file(dir / "in/long.txt", big_article);
  const auto out = on_full_disk(dir / "small", build + " --store '" + (dir / "store").string() + "' --out '" +
                                                   (dir / "small/out").string() + "'");
  INFO(out.err);
  CHECK(out.exit_code == 1);
  CHECK(out.err.find((dir / "small/out").string()) != std::string::npos);
  CHECK(out.err.find("cannot write: No space left on device") != std::string::npos);

  const auto store = on_full_disk(dir / "small", build + " --store '" + (dir / "small/store").string() +
                                                     "' --out '" + (dir / "out").string() + "'");
  INFO(store.err.substr(store.err.size() > 2000 ? store.err.size() - 2000 : 0));
  CHECK(store.exit_code == 1);
  CHECK(store.err.find("store " + (dir / "small/store").string() + ": cannot write: the disk is full") !=
        std::string::npos);
}
