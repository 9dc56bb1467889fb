// What `newsgraph build` reads: standard input, folders holding the store
// and the outputs, FIFOs, links, paths that do not exist. Small articles
// written for these tests; each build takes a fraction of a second.

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <sstream>

#include "e2e_support.hpp"

using namespace ng;
using namespace ng::e2e;
namespace fs = std::filesystem;

namespace {

const char* const kHarbour = "Harbour talks resume\nMara Velkin said the harbour of Ostrel would reopen on Monday.\n";
const char* const kBridge = "Bridge closed\nTomas Brandl said the old bridge in Ostrel was unsafe.\n";

long articles_in(const fs::path& store) {
  return count(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }");
}

}  // namespace

TEST_CASE("two different articles piped in are two articles, not one replacing the other", "[e2e][inputs][stdin]") {
  ScratchDir dir;
  const std::vector<std::string> build{"build", "-", "--out", (dir / "out").string(), "--store",
                                       (dir / "store").string()};
  const auto first = newsgraph(build, kHarbour);
  REQUIRE(first.exit_code == 0);
  const auto second = newsgraph(build, kBridge);
  REQUIRE(second.exit_code == 0);
  CHECK(articles_in(dir / "store") == 2);
  // The same article piped in again is the same article.
  const auto again = newsgraph(build, kHarbour);
  CHECK(again.exit_code == 0);
  CHECK(articles_in(dir / "store") == 2);

  SECTION("--name makes standard input one article that a new version replaces") {
    std::vector<std::string> named = build;
    named.insert(named.end(), {"--name", "morning-brief"});
    REQUIRE(newsgraph(named, kHarbour).exit_code == 0);
    REQUIRE(newsgraph(named, kBridge).exit_code == 0);
    CHECK(articles_in(dir / "store") == 3);
    CHECK(count(dir / "store", R"(SELECT (COUNT(*) AS ?n) WHERE { ?a schema:url ?u . FILTER(STR(?u) = "stdin:morning-brief") })") == 1);
  }
}

TEST_CASE("building the folder that holds the store and the outputs never reads them", "[e2e][inputs]") {
  ScratchDir dir;
  write_file(dir / "harbour.txt", kHarbour);
  // A build of "." with the default store and out/ inside it, run twice: the
  // second run must find only the one article, and nothing to skip.
  const std::string cd = "cd '" + dir.path().string() + "' && NEWSGRAPH_STORE= ";
  const auto first = shell(cd + "'" NG_CLI "' build .");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  // A text file and a JSON file inside the store, as a user might leave there.
  write_file(dir / "newsgraph-store/notes.txt", "Notes\nNothing to read here, said Ilka Brun.\n");
  write_file(dir / "out/extra.json", "{\"people\": []}");
  const auto second = shell(cd + "'" NG_CLI "' build .");
  INFO(second.err);
  CHECK(second.exit_code == 0);
  CHECK(articles_in(dir / "newsgraph-store") == 1);
}

TEST_CASE("a FIFO in an input folder is named and skipped; the build does not hang", "[e2e][inputs]") {
  ScratchDir dir;
  write_file(dir / "in/harbour.txt", kHarbour);
  REQUIRE(::mkfifo((dir / "in/pipe.txt").c_str(), 0600) == 0);
  for (const char* command : {"build", "extract"}) {
    INFO(command);
    std::vector<std::string> args{command, (dir / "in").string()};
    if (std::string(command) == "build") {
      args.insert(args.end(), {"--out", (dir / "out").string(), "--store", (dir / "store").string()});
    }
    std::string line = "timeout 20 '" NG_CLI "'";
    for (const auto& a : args) line += " '" + a + "'";
    const auto run = shell(line);
    INFO(run.err);
    CHECK(run.exit_code == 3);
    CHECK(run.err.find("pipe.txt: not a regular file (a FIFO)") != std::string::npos);
  }
}

TEST_CASE("a link to a directory is not followed without --follow, and said once", "[e2e][inputs]") {
  ScratchDir dir;
  write_file(dir / "in/harbour.txt", kHarbour);
  write_file(dir / "elsewhere/bridge.txt", kBridge);
  fs::create_directory_symlink(dir / "elsewhere", dir / "in/linked");
  fs::create_directory_symlink("..", dir / "in/up");
  const std::vector<std::string> build{"build", (dir / "in").string(), "--out", (dir / "out").string(),
                                       "--store", (dir / "store").string()};
  const auto run = newsgraph(build);
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(articles_in(dir / "store") == 1);
  CHECK(run.err.find("not followed") != std::string::npos);
  CHECK(run.err.find("--follow") != std::string::npos);

  std::vector<std::string> follow = build;
  follow.push_back("--follow");
  fs::remove(dir / "in/up");  // followed, it would read the whole scratch folder
  const auto followed = newsgraph(follow);
  INFO(followed.err);
  CHECK(followed.exit_code == 0);
  CHECK(articles_in(dir / "store") == 2);
}

TEST_CASE("a build of a path that does not exist creates nothing and fails", "[e2e][inputs]") {
  ScratchDir dir;
  const auto run = newsgraph({"build", (dir / "nonexistent").string(), "--out", (dir / "out").string(),
                              "--store", (dir / "store").string()});
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("nonexistent") != std::string::npos);
  CHECK(run.out.find("newsgraph build:") == std::string::npos);  // no summary of a build that did not happen
  CHECK_FALSE(fs::exists(dir / "store"));
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("UTF-16 and declared Latin-1 are read; other non-UTF-8 text says how to convert it", "[e2e][inputs][encoding]") {
  ScratchDir dir;
  std::string utf16 = "\xFF\xFE";
  for (const char c : std::string("Ferry resumes\nThe crossing to Ostrel is safe again, said Ines Carvalho.\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  write_file(dir / "in/utf16.txt", utf16);
  write_file(dir / "in/latin1.html",
             "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xE9 closes</title></head>"
             "<body><p>The caf\xE9 near the harbour closed, said Ilka Brun.</p></body></html>");
  write_file(dir / "in/undeclared.txt", "March\xE9 du port\nLe march\xE9 du port rouvrira mercredi, a d\xE9"
                                        "clar\xE9 le maire.\n");
  const auto run = newsgraph({"build", (dir / "in").string(), "--out", (dir / "out").string(), "--store",
                              (dir / "store").string(), "--no-diagram"});
  INFO(run.err);
  CHECK(run.exit_code == 3);
  CHECK(articles_in(dir / "store") == 2);
  CHECK(count(dir / "store", "SELECT (COUNT(*) AS ?n) WHERE { ?a schema:headline \"Caf\u00E9 closes\" }") == 1);
  CHECK(run.err.find("undeclared.txt:1:6: not UTF-8 (invalid byte 0xe9); convert with iconv -f ") != std::string::npos);
  CHECK(run.err.find("binary") == std::string::npos);
}

namespace {

// An article of nothing but quotes, about `bytes` long: the most quads per
// byte newsgraph makes.
std::string dense_article(std::size_t bytes) {
  const char* const people[] = {"Mara Velkin", "Tomas Brandl", "Ilka Brun", "Lina Park", "Oskar Lind"};
  std::string text = "Quotes everywhere\n\n";
  for (std::size_t i = 0; text.size() < bytes; ++i) {
    text += "\"The harbour plan number " + std::to_string(i) + " is not ready,\" " + people[i % 5] + " said. ";
    if (i % 10 == 9) text += "\n";
  }
  return text + "\n";
}

// The peak resident memory of `newsgraph -q build IN --store STORE
// --no-export`, in kB, as the kernel counted it (0 if the build failed).
long build_peak_kb(const std::filesystem::path& in, const std::filesystem::path& store) {
  const auto run = shell("/usr/bin/python3 -c \"import resource, subprocess, sys; "
                         "code = subprocess.run(sys.argv[1:]).returncode; "
                         "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\" '" NG_CLI
                         "' -q build '" + in.string() + "' --store '" + store.string() + "' --no-export");
  INFO(run.out << run.err);
  std::istringstream figures(run.out.substr(run.out.rfind('\n', run.out.size() - 2) + 1));
  int code = -1;
  long peak_kb = 0;
  figures >> code >> peak_kb;
  CHECK(code == 0);
  return code == 0 ? peak_kb : 0;
}

}  // namespace

TEST_CASE("memory for a dense article stays bounded, and the default size limit is 2 MB", "[e2e][inputs][memory]") {
  ScratchDir dir;
  write_file(dir / "small/one.txt", "A short note\n\n\"The plan is ready,\" Mara Velkin said.\n");
  write_file(dir / "in/dense.txt", dense_article(500 * 1000));
  // What the lexicon and models take is the same for both builds: the
  // difference is what the article costs.
  const long small_kb = build_peak_kb(dir / "small", dir / "store-small");
  const long dense_kb = build_peak_kb(dir / "in", dir / "store");
  CHECK(small_kb > 0);
  CHECK(dense_kb > small_kb);
  // About 8,000 statements and 257,000 quads: 185 MB above the small build
  // with the quads sent to the store in chunks; holding them all at once
  // took some 330 MB above it.
#if !defined(__SANITIZE_ADDRESS__)
  // (AddressSanitizer's shadow memory and quarantine make the figure meaningless.)
  CHECK(dense_kb - small_kb < 250 * 1024);
#endif

  write_file(dir / "big/long.txt", "A long report\n\n" + std::string(2200 * 1000, 'x') + "\n");
  const auto refused = newsgraph({"build", (dir / "big").string(), "--store", (dir / "store2").string(),
                                  "--no-export"});
  CHECK(refused.exit_code == 1);  // nothing else to read
  CHECK(refused.err.find("over the size limit of 2 MB") != std::string::npos);
}
