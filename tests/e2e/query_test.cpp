#include <catch2/catch.hpp>

#include "e2e_support.hpp"

using namespace ng;
using namespace ng::e2e;

TEST_CASE("a SPARQL syntax error is reported with line and column, exit 1", "[e2e][query]") {
  const auto& b = examples_build();
  const auto run = newsgraph({"query", "--store", b.store.string(), "SELECT ?x WHERE {\n  ?x a schema:Person \n"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("line") != std::string::npos);
  CHECK(run.err.find("column") != std::string::npos);
}

TEST_CASE("unsupported SPARQL features are refused by name", "[e2e][query]") {
  const auto& b = examples_build();
  const auto minus = newsgraph({"query", "--store", b.store.string(),
                                "SELECT ?x WHERE { ?x a schema:Person MINUS { ?x a schema:Place } }"});
  CHECK(minus.exit_code == 1);
  CHECK(minus.err.find("MINUS") != std::string::npos);
  const auto update = newsgraph({"query", "--store", b.store.string(),
                                 "INSERT DATA { <urn:a> <urn:b> <urn:c> }"});
  CHECK(update.exit_code == 1);
  CHECK(update.err.find("Update") != std::string::npos);
}

TEST_CASE("query results come out in the standard formats", "[e2e][query]") {
  const auto& b = examples_build();
  const std::string q = "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name LIMIT 3";
  const auto csv = newsgraph({"query", "--store", b.store.string(), q, "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("name\r\n", 0) == 0);
  const auto json = newsgraph({"query", "--store", b.store.string(), q, "--format", "json"});
  REQUIRE(json.exit_code == 0);
  ScratchDir dir;
  write_file(dir / "r.json", json.out);
  CHECK(shell("/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d[\"results\"][\"bindings\"]) == 3' " +
              (dir / "r.json").string()).exit_code == 0);
  const auto table = newsgraph({"query", "--store", b.store.string(), q, "--format", "table"});
  CHECK(table.out.find("3 rows") != std::string::npos);
}

TEST_CASE("ASK, CONSTRUCT and DESCRIBE answer", "[e2e][query]") {
  const auto& b = examples_build();
  const auto ask = newsgraph({"query", "--store", b.store.string(), "ASK { ?p schema:name \"Noor Haddad\" }",
                              "--format", "json"});
  CHECK(ask.out.find("true") != std::string::npos);
  const auto construct = newsgraph({"query", "--store", b.store.string(),
                                    "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"});
  REQUIRE(construct.exit_code == 0);
  CHECK(construct.out.find("Noor Haddad") != std::string::npos);
  const auto describe = newsgraph({"query", "--store", b.store.string(),
                                   "DESCRIBE ?p WHERE { ?p schema:name \"Noor Haddad\" }", "--format", "ntriples"});
  REQUIRE(describe.exit_code == 0);
  CHECK(describe.out.find("http://schema.org/Person") != std::string::npos);
}

TEST_CASE("query reads RDF files instead of a store", "[e2e][query]") {
  const auto& b = examples_build();
  const auto run = newsgraph({"query", "--graph", (b.out / "graph.ttl").string(),
                              "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }", "--format", "csv"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("9") != std::string::npos);
}

TEST_CASE("export writes every RDF format and each parses", "[e2e][export]") {
  const auto& b = examples_build();
  ScratchDir dir;
  const std::vector<std::pair<std::string, std::string>> formats{
      {"turtle", "turtle"}, {"ntriples", "ntriples"}, {"nquads", "nquads"}, {"trig", "trig"}, {"rdfxml", "rdfxml"}};
  for (const auto& [format, parser] : formats) {
    INFO(format);
    const auto file = dir / ("graph." + format);
    const auto run = newsgraph({"export", "--store", b.store.string(), "--format", format, "-o", file.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    if (have_program("rapper")) CHECK(shell("rapper -q -i " + parser + " -c " + file.string()).exit_code == 0);
  }
  const auto dot = newsgraph({"export", "--store", b.store.string(), "--format", "dot", "-o", (dir / "g.dot").string()});
  CHECK(dot.exit_code == 0);
  CHECK(read_file(dir / "g.dot").find("graph") != std::string::npos);
}

TEST_CASE("stats counts articles, classes and predicates", "[e2e][stats]") {
  const auto& b = examples_build();
  const auto run = newsgraph({"stats", "--store", b.store.string()});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("articles        9") != std::string::npos);
  CHECK(run.out.find("schema:Person") != std::string::npos);
  CHECK(run.out.find("schema:mentions") != std::string::npos);
}

TEST_CASE("a usage error exits 2 and a missing store exits 1", "[e2e][cli]") {
  CHECK(newsgraph({}).exit_code == 2);
  CHECK(newsgraph({"build"}).exit_code == 2);
  CHECK(newsgraph({"query", "--format", "yaml", "ASK {}"}).exit_code == 2);
  ScratchDir dir;
  const auto run = newsgraph({"query", "--store", (dir / "nothing").string(), "ASK { ?s ?p ?o }"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("newsgraph build") != std::string::npos);
}

TEST_CASE("help describes every subcommand", "[e2e][cli]") {
  const auto run = newsgraph({"--help"});
  CHECK(run.exit_code == 0);
  for (const char* command : {"build", "query", "export", "stats", "extract"}) {
    INFO(command);
    CHECK(run.out.find(command) != std::string::npos);
  }
}
