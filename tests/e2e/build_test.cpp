#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <regex>

#include "common/unicode.hpp"
#include "e2e_support.hpp"

using namespace ng;
using namespace ng::e2e;
namespace fs = std::filesystem;

namespace ng::e2e {

const ExamplesBuild& examples_build() {
  static const std::unique_ptr<ScratchDir> dir = std::make_unique<ScratchDir>();
  static const ExamplesBuild build = [] {
    ExamplesBuild b;
    b.out = dir->path() / "out";
    b.store = dir->path() / "store";
    b.run = newsgraph({"build", (source_dir() / "examples/articles").string(),
                       (source_dir() / "examples/records").string(), "--out", b.out.string(), "--store",
                       b.store.string()});
    return b;
  }();
  return build;
}

std::vector<std::string> select_column(const fs::path& store_path, const std::string& query) {
  const graph::Store store(graph::StoreOptions{store_path.string(), graph::StoreOptions::Mode::ReadOnly, false});
  const auto result = graph::run_query(store, query);
  std::vector<std::string> values;
  for (const auto& row : result.rows) values.push_back(row.empty() || !row[0] ? "" : row[0]->value);
  return values;
}

long count(const fs::path& store, const std::string& query) {
  const auto values = select_column(store, query);
  return values.empty() ? -1 : std::stol(values.front());
}

}  // namespace ng::e2e

TEST_CASE("building examples succeeds and prints a summary", "[e2e][build]") {
  const auto& b = examples_build();
  INFO(b.run.err);
  REQUIRE(b.run.exit_code == 0);
  CHECK(b.run.out.find("9 articles built") != std::string::npos);
  CHECK(b.run.out.find("2 record files") != std::string::npos);
  for (const char* name : {"graph.ttl", "graph.nq", "graph.dot", "graph.svg", "newsgraph.ttl"}) {
    INFO(name);
    CHECK(fs::file_size(b.out / name) > 100);
  }
}

TEST_CASE("every article of examples is a schema:NewsArticle with a url", "[e2e][build]") {
  const auto& b = examples_build();
  REQUIRE(b.run.exit_code == 0);
  CHECK(count(b.store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle ; schema:url ?u }") == 9);
}

TEST_CASE("a quoted speaker is found with the quote, its kind and its article", "[e2e][build]") {
  const auto& b = examples_build();
  const auto speakers = select_column(b.store, R"(
    SELECT ?name WHERE {
      ?s a schema:Quotation ; schema:text ?t ; schema:creator ?p ; schema:isPartOf ?a ;
         ng:statementKind ng:DirectQuote .
      ?p schema:name ?name .
      ?a a schema:NewsArticle .
      FILTER(CONTAINS(?t, "Every day we lose here"))
    })");
  REQUIRE(speakers.size() == 1);
  CHECK(speakers.front() == "Henrik Solvang");
}

TEST_CASE("a record and the text that name the same person land on one IRI", "[e2e][build][records]") {
  const auto& b = examples_build();
  const auto iris = select_column(b.store, R"(
    SELECT DISTINCT ?p WHERE { ?p schema:name "Henrik Solvang" })");
  REQUIRE(iris.size() == 1);
  // That IRI carries the record's id and is mentioned by an article.
  CHECK(count(b.store, "SELECT (COUNT(*) AS ?n) WHERE { <" + iris.front() + "> ng:recordId ?id }") == 1);
  CHECK(count(b.store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions <" + iris.front() +
                           "> ; a schema:NewsArticle }") >= 1);
}

TEST_CASE("every statement says where it comes from", "[e2e][build]") {
  const auto& b = examples_build();
  const graph::Store store(graph::StoreOptions{b.store.string(), graph::StoreOptions::Mode::ReadOnly, false});
  const auto result = graph::run_query(store, ng::e2e::read_file(source_dir() / "examples/queries/statements_without_source.rq"));
  REQUIRE(result.kind == graph::QueryResult::Kind::Boolean);
  CHECK_FALSE(result.boolean);
}

TEST_CASE("mention offsets point at the mention's text in the article", "[e2e][build][provenance]") {
  const auto& b = examples_build();
  const graph::Store store(graph::StoreOptions{b.store.string(), graph::StoreOptions::Mode::ReadOnly, false});
  const auto result = graph::run_query(store, R"(
    SELECT ?text ?begin ?end ?anchor WHERE {
      ?m a ng:Mention ; nif:anchorOf ?anchor ; nif:beginIndex ?begin ; nif:endIndex ?end ;
         nif:referenceContext ?a .
      ?a nif:isString ?text .
    } LIMIT 200)");
  REQUIRE(result.rows.size() > 50);
  for (const auto& row : result.rows) {
    const std::string& text = row[0]->value;
    const auto begin = std::stoul(row[1]->value);
    const auto end = std::stoul(row[2]->value);
    // Offsets count code points: walk to them.
    std::size_t i = 0, cp = 0, byte_begin = 0;
    while (i < text.size() && cp < end) {
      if (cp == begin) byte_begin = i;
      ng::next_code_point(text, i);
      ++cp;
    }
    CHECK(text.substr(byte_begin, i - byte_begin) == row[3]->value);
  }
}

TEST_CASE("roles from titles and records are W3C ORG memberships", "[e2e][build][roles]") {
  const auto& b = examples_build();
  const auto titles = select_column(b.store, R"(
    SELECT ?title WHERE {
      ?m a org:Membership ; org:member ?p ; org:role ?r . ?p schema:name "Daniel Ferreira-Lindqvist" .
      ?r skos:prefLabel ?title })");
  REQUIRE(titles.size() == 1);
  CHECK(titles.front() == "Transport Minister");
}

TEST_CASE("every example query runs", "[e2e][build][queries]") {
  const auto& b = examples_build();
  for (const auto& entry : fs::directory_iterator(source_dir() / "examples/queries")) {
    if (entry.path().extension() != ".rq") continue;
    INFO(entry.path().filename().string());
    const auto run = newsgraph({"query", "--store", b.store.string(), "-f", entry.path().string(), "--format", "csv"});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK_FALSE(run.out.empty());
  }
}

TEST_CASE("the Turtle and N-Quads files parse with independent parsers", "[e2e][build][rdf]") {
  const auto& b = examples_build();
  if (have_program("rapper")) {
    const auto turtle = shell("rapper -q -i turtle -c " + (b.out / "graph.ttl").string());
    INFO(turtle.err);
    CHECK(turtle.exit_code == 0);
    const auto nquads = shell("rapper -q -i nquads -c " + (b.out / "graph.nq").string());
    CHECK(nquads.exit_code == 0);
  } else {
    WARN("rapper (raptor2-utils) not installed: skipped");
  }
  if (have_program("serdi")) {
    CHECK(shell("serdi -i turtle " + (b.out / "graph.ttl").string()).exit_code == 0);
    CHECK(shell("serdi -i nquads " + (b.out / "graph.nq").string()).exit_code == 0);
  } else {
    WARN("serdi not installed: skipped");
  }
}

TEST_CASE("the N-Quads file has one named graph per article", "[e2e][build][rdf]") {
  const auto& b = examples_build();
  const std::string nquads = read_file(b.out / "graph.nq");
  std::vector<std::string> graphs;
  std::size_t start = 0;
  while (start < nquads.size()) {
    const std::size_t end = nquads.find('\n', start);
    const std::string line = nquads.substr(start, end - start);
    const std::size_t last = line.rfind(" <");
    if (last != std::string::npos) graphs.push_back(line.substr(last + 1));
    start = end == std::string::npos ? nquads.size() : end + 1;
  }
  std::sort(graphs.begin(), graphs.end());
  graphs.erase(std::unique(graphs.begin(), graphs.end()), graphs.end());
  // 9 articles, 2 record files, the ontology.
  CHECK(graphs.size() == 12);
}

TEST_CASE("the SVG diagram is valid XML", "[e2e][build][diagram]") {
  const auto& b = examples_build();
  const auto check = shell("/usr/bin/python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' " +
                           (b.out / "graph.svg").string());
  INFO(check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("a user catalog in Turtle links the text's entities to its IRIs", "[e2e][build][catalog]") {
  ScratchDir dir;
  const auto run = newsgraph({"build", (source_dir() / "examples/articles").string(), "--catalog",
                              (source_dir() / "examples/catalog/known_entities.ttl").string(), "--out",
                              (dir / "out").string(), "--store", (dir / "store").string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(count(dir / "store", "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions <http://www.wikidata.org/entity/Q7817> }") == 1);
  CHECK(count(dir / "store", R"(SELECT (COUNT(*) AS ?n) WHERE {
      ?s a schema:Quotation ; schema:creator <https://desk.example.org/id/tarnovia_civil_protection> })") >= 1);
}

TEST_CASE("a name two catalog entities share is reported and links to neither", "[e2e][build][catalog]") {
  ScratchDir dir;
  write_file(dir / "catalog.ttl", R"(@prefix schema: <http://schema.org/> .
<https://desk.example.org/id/velkin_mayor> a schema:Person ; schema:name "Mara Velkin" .
<https://desk.example.org/id/velkin_singer> a schema:Person ; schema:name "Mara Velkin" .
<https://desk.example.org/id/ostrel_port> a schema:Organization ; schema:name "Ostrel Port Authority" .
)");
  write_file(dir / "in/harbour.txt",
             "Harbour to reopen\n\nMara Velkin said the Ostrel Port Authority would reopen the harbour on Monday.\n");
  const auto run = newsgraph({"build", (dir / "in").string(), "--catalog", (dir / "catalog.ttl").string(), "--out",
                              (dir / "out").string(), "--store", (dir / "store").string(), "--no-diagram"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("2 entities are named 'Mara Velkin'") != std::string::npos);
  const auto mentioned = [&](const std::string& id) {
    return count(dir / "store",
                 "SELECT (COUNT(*) AS ?n) WHERE { ?a schema:mentions <https://desk.example.org/id/" + id + "> }");
  };
  CHECK(mentioned("velkin_mayor") == 0);
  CHECK(mentioned("velkin_singer") == 0);
  CHECK(mentioned("ostrel_port") == 1);
}

TEST_CASE("a date filter and ORDER BY see every article, with or without a time", "[e2e][build][date]") {
  ScratchDir dir;
  write_file(dir / "feed.jsonl",
             R"({"title": "Night vote", "text": "The council voted late, said Ilka Brun.", "url": "https://example.org/a", "date": "2026-03-01T23:30:00-05:00"}
{"title": "Morning vote", "text": "The council met again, said Ilka Brun.", "url": "https://example.org/b", "date": "2026-03-02"}
)");
  REQUIRE(newsgraph({"build", (dir / "feed.jsonl").string(), "--out", (dir / "out").string(), "--store",
                     (dir / "store").string(), "--no-diagram"})
              .exit_code == 0);
  const auto days = select_column(dir / "store", R"(SELECT ?d WHERE {
      ?a schema:datePublished ?d FILTER(?d >= "2026-03-01"^^xsd:date) } ORDER BY ?d)");
  CHECK(days == std::vector<std::string>{"2026-03-01", "2026-03-02"});
  CHECK(select_column(dir / "store", "SELECT ?t WHERE { ?a ng:dateTimePublished ?t }") ==
        std::vector<std::string>{"2026-03-01T23:30:00-05:00"});
}

TEST_CASE("a news agency credited in datelines is the articles' source, not the centre of the network", "[e2e][build][dateline]") {
  ScratchDir dir;
  write_file(dir / "in/a.txt", "Quay approved\n\nOSTREL (Northwire) - The Ostrel Port Authority approved a new quay on Wednesday, Mara Velkin said.\n");
  write_file(dir / "in/b.txt", "Fees fall\n\nTARSK (Northwire) - Tomas Brandl said the Tarsk ferry fees would fall.\n");
  write_file(dir / "in/c.txt", "Union vote\n\nOSTREL (Northwire) - The Ostrel Dockworkers Union voted to strike, Ilka Brun said.\n");
  REQUIRE(newsgraph({"build", (dir / "in").string(), "--out", (dir / "out").string(), "--store",
                     (dir / "store").string(), "--no-diagram"})
              .exit_code == 0);
  CHECK(count(dir / "store", R"(SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {
      ?a schema:sourceOrganization ?o . ?o schema:name "Northwire" })") == 3);
  CHECK(count(dir / "store", R"(SELECT (COUNT(*) AS ?n) WHERE { ?a schema:mentions ?o . ?o schema:name "Northwire" })") == 0);
  const auto top = newsgraph({"top", "--store", (dir / "store").string(), "--view", "co-mention", "--format", "csv"});
  INFO(top.out);
  CHECK(top.exit_code == 0);
  CHECK(top.out.find("Northwire") == std::string::npos);
}

namespace {

// Graphviz's spline routing can differ, rarely, in the last digit of a
// curve's coordinates between two runs of the same DOT text (the DOT is
// compared byte for byte): pictures are compared with their numbers masked.
std::string masked_numbers(const std::string& svg) {
  return std::regex_replace(svg, std::regex("-?[0-9]+(\\.[0-9]+)?"), "#");
}

}  // namespace

TEST_CASE("two builds of the same input write byte-identical files, the SVG picture up to its coordinates",
          "[e2e][build][diagram]") {
  const auto& b = examples_build();
  REQUIRE(b.run.exit_code == 0);
  ScratchDir dir;
  const auto again = newsgraph({"build", (source_dir() / "examples/articles").string(),
                                (source_dir() / "examples/records").string(), "--out", (dir / "out").string(),
                                "--store", (dir / "store").string()});
  REQUIRE(again.exit_code == 0);
  for (const char* name : {"graph.ttl", "graph.nq", "graph.dot", "graph.svg", "newsgraph.ttl"}) {
    INFO(name);
    if (std::string(name) == "graph.svg") {
      CHECK(masked_numbers(read_file(dir / "out" / name)) == masked_numbers(read_file(b.out / name)));
    } else {
      CHECK(read_file(dir / "out" / name) == read_file(b.out / name));
    }
  }
}
