// The command line as a user meets it: mistyped commands, options in any
// place, values that make no sense, help texts.

#include <catch2/catch.hpp>

#include "e2e_support.hpp"

using namespace ng;
using namespace ng::e2e;
namespace fs = std::filesystem;

namespace {

const char* const kArticle = "Bridge opens\n\nMayor Lina Park said the new bridge over the Eldar river would open.\n";

}  // namespace

TEST_CASE("an unknown command is named, with the commands there are", "[e2e][cli]") {
  const auto run = newsgraph({"biuld", "x"});
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("unknown command 'biuld'") != std::string::npos);
  CHECK(run.err.find("build") != std::string::npos);
  CHECK(run.err.find("A subcommand is required") == std::string::npos);
  // Still: no command at all says that one is needed.
  CHECK(newsgraph({}).exit_code == 2);
}

TEST_CASE("the options of newsgraph itself may come after the command", "[e2e][cli]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  const auto run = newsgraph({"build", (dir / "in").string(), "--out", (dir / "out").string(), "--store",
                              (dir / "store").string(), "--no-diagram", "-q"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("info:") == std::string::npos);  // -q took effect
  const auto verbose = newsgraph({"stats", "--store", (dir / "store").string(), "--log-level", "warn"});
  CHECK(verbose.exit_code == 0);
}

TEST_CASE("an article size limit that is not a positive number is refused in plain words", "[e2e][cli]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  for (const char* value : {"0", "-1", "nan", "inf", "lots"}) {
    const auto run = newsgraph({"build", (dir / "in").string(), "--store", (dir / "store").string(), "--out",
                                (dir / "out").string(), "--max-article-mb", value});
    INFO(value << ": " << run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--max-article-mb") != std::string::npos);
    CHECK(run.err.size() < 300);  // no 300-digit range
    CHECK_FALSE(fs::exists(dir / "store"));
  }
  const auto fine = newsgraph({"build", (dir / "in").string(), "--store", (dir / "store").string(), "--out",
                               (dir / "out").string(), "--max-article-mb", "0.5", "--no-diagram"});
  CHECK(fine.exit_code == 0);
}

TEST_CASE("a catalog in RDF/XML is read as RDF/XML", "[e2e][cli][catalog]") {
  ScratchDir dir;
  write_file(dir / "in/bridge.txt", kArticle);
  write_file(dir / "catalog.rdf", R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:schema="http://schema.org/">
  <schema:Person rdf:about="https://desk.example.org/id/lina_park">
    <schema:name>Lina Park</schema:name>
  </schema:Person>
</rdf:RDF>
)");
  const auto run = newsgraph({"build", (dir / "in").string(), "--catalog", (dir / "catalog.rdf").string(), "--out",
                              (dir / "out").string(), "--store", (dir / "store").string(), "--no-diagram"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(count(dir / "store", R"(SELECT (COUNT(*) AS ?n) WHERE {
      ?s a schema:Quotation ; schema:creator <https://desk.example.org/id/lina_park> })") == 1);
}

TEST_CASE("the help of a command is about that command only", "[e2e][cli]") {
  const auto main_help = newsgraph({"--help"});
  CHECK(main_help.out.find("Exit codes:") != std::string::npos);
  for (const char* command : {"build", "query", "stats", "diagram"}) {
    const auto help = newsgraph({command, "--help"});
    INFO(command << ": " << help.out);
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Examples:") == std::string::npos);
    CHECK(help.out.find("Exit codes:") == std::string::npos);
  }
  const auto diagram = newsgraph({"diagram", "--help"});
  CHECK(diagram.out.find("circo, twopi") != std::string::npos);
}
