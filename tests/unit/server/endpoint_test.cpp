#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/store.hpp"
#include "server/endpoint.hpp"

using namespace ng;
using ng::ontology::Quad;
using ng::ontology::Term;

namespace {

const std::string kEx = "http://example.org/test/";

// A committed store of two article graphs in a temporary directory.
class StoreFixture {
 public:
  StoreFixture() {
    static std::mt19937_64 random{std::random_device{}()};
    dir_ = std::filesystem::temp_directory_path() /
           ("ng-server-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    graph::Store store(graph::StoreOptions{(dir_ / "store").string(), graph::StoreOptions::Mode::ReadWrite, true});
    std::vector<Quad> quads;
    const Term name = Term::iri("http://schema.org/name");
    for (int i = 0; i < 60; ++i) {
      quads.push_back({Term::iri(kEx + "p" + std::to_string(i)), name, Term::literal("Person " + std::to_string(i)),
                       kEx + "article/" + std::to_string(i % 2)});
    }
    store.add(quads);
    store.commit();
  }
  ~StoreFixture() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string store() const { return (dir_ / "store").string(); }

 private:
  std::filesystem::path dir_;
};

server::Request get(const std::string& query, const std::string& accept = "") {
  server::Request r;
  r.method = "GET";
  r.parameters.emplace("query", query);
  r.accept = accept;
  return r;
}

server::Endpoint endpoint(const StoreFixture& f, std::size_t max_rows = 1000) {
  server::EndpointOptions options;
  options.store = f.store();
  options.prefixes = {{"schema", "http://schema.org/"}};
  options.max_rows = max_rows;
  return server::Endpoint(options);
}

}  // namespace

TEST_CASE("the endpoint answers GET, form POST and direct POST", "[server][endpoint]") {
  const StoreFixture f;
  const auto e = endpoint(f);
  const std::string q = "SELECT ?n WHERE { ?p schema:name ?n } ORDER BY ?n LIMIT 2";
  const auto by_get = e.query(get(q));
  REQUIRE(by_get.status == 200);
  CHECK(by_get.content_type.starts_with("application/sparql-results+json"));
  const auto json = nlohmann::json::parse(by_get.body);
  CHECK(json["results"]["bindings"].size() == 2);
  CHECK(json["results"]["bindings"][0]["n"]["value"] == "Person 0");

  server::Request form = get(q, "text/csv");
  form.method = "POST";
  form.content_type = "application/x-www-form-urlencoded";
  const auto by_form = e.query(form);
  CHECK(by_form.status == 200);
  CHECK(by_form.body == "n\r\nPerson 0\r\nPerson 1\r\n");

  server::Request direct;
  direct.method = "POST";
  direct.content_type = "application/sparql-query";
  direct.body = "ASK { <" + kEx + "p1> schema:name \"Person 1\" }";
  direct.accept = "application/sparql-results+xml";
  const auto by_body = e.query(direct);
  CHECK(by_body.status == 200);
  CHECK_THAT(by_body.body, Catch::Contains("<boolean>true</boolean>"));
}

TEST_CASE("the endpoint is read-only and reads only its store", "[server][endpoint]") {
  const StoreFixture f;
  const auto e = endpoint(f);
  server::Request update;
  update.method = "POST";
  update.content_type = "application/x-www-form-urlencoded";
  update.parameters.emplace("update", "INSERT DATA { <a:b> <a:c> <a:d> }");
  CHECK(e.query(update).status == 400);
  const auto insert = e.query(get("INSERT DATA { <a:b> <a:c> <a:d> }"));
  CHECK(insert.status == 400);
  CHECK_THAT(insert.body, Catch::StartsWith("SPARQL Update is not supported: this endpoint is read-only"));
  const auto load = e.query(get("LOAD <http://example.org/data.ttl>"));
  CHECK(load.status == 400);
  CHECK(e.query(get("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")).status == 400);
  const auto file = e.query(get("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }"));
  CHECK(file.status == 400);
  CHECK_THAT(file.body, Catch::Contains("file: IRIs are not allowed"));
  server::Request named = get("SELECT * { ?s ?p ?o }");
  named.parameters.emplace("named-graph-uri", "file:///etc/passwd");
  CHECK(e.query(named).status == 400);
}

TEST_CASE("the endpoint negotiates, caps rows and reports errors with a status", "[server][endpoint]") {
  const StoreFixture f;
  CHECK(endpoint(f).query(get("SELECT * { ?s ?p ?o }", "image/png")).status == 406);
  const auto capped = endpoint(f, 10).query(get("SELECT * { ?s ?p ?o }"));
  CHECK(capped.status == 400);
  CHECK_THAT(capped.body, Catch::StartsWith("the result has more than 10 rows"));
  CHECK(endpoint(f, 10).query(get("SELECT * { ?s ?p ?o } LIMIT 10")).status == 200);
  const auto syntax = endpoint(f).query(get("SELECT ?x WHERE { ?x"));
  CHECK(syntax.status == 400);
  CHECK_THAT(syntax.body, Catch::StartsWith("line 1, column"));
  const auto graph = endpoint(f).query(get("CONSTRUCT { ?p schema:name ?n } WHERE { ?p schema:name ?n } LIMIT 1"));
  CHECK(graph.status == 200);
  CHECK(graph.content_type.starts_with("text/turtle"));
  server::EndpointOptions slow;
  slow.store = f.store();
  slow.timeout = std::chrono::milliseconds(1);
  const auto timeout = server::Endpoint(slow).query(get("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"));
  CHECK(timeout.status == 503);
  server::EndpointOptions missing;
  missing.store = f.store() + "-missing";
  CHECK(server::Endpoint(missing).query(get("ASK {}")).status == 500);
}

TEST_CASE("the graph store gives one graph, or all of them", "[server][endpoint]") {
  const StoreFixture f;
  const auto e = endpoint(f);
  server::Request one;
  one.method = "GET";
  one.parameters.emplace("graph", kEx + "article/1");
  one.accept = "application/n-triples";
  const auto graph = e.graph(one);
  REQUIRE(graph.status == 200);
  CHECK(graph.rows == 30);
  server::Request missing = one;
  missing.parameters = {{"graph", kEx + "article/9"}};
  CHECK(e.graph(missing).status == 404);
  server::Request all;
  all.method = "GET";
  all.parameters.emplace("default", "");
  CHECK(e.graph(all).rows == 60);
  server::Request write = one;
  write.method = "PUT";
  CHECK(e.graph(write).status == 405);
}
