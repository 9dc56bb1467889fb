#pragma once
// Helpers for the evaluation tests: graphs and gold written inline in the
// tests (Turtle and JSON), and temporary directories.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "evaluation/contract_graph.hpp"
#include "evaluation/gold.hpp"
#include "graph/rdf_parse.hpp"

namespace ng::evaluation::test {

// Prefixes every inline graph may use: schema: is http://schema.org/.
inline const std::string kPrefixes =
    "@prefix schema: <http://schema.org/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
    "@prefix ex: <http://ex.test/> .\n";

inline std::vector<ontology::Triple> triples_of(const std::string& turtle) {
  const auto quads = graph::parse_turtle(kPrefixes + turtle, "http://ex.test/", "http://ex.test/graph");
  std::vector<ontology::Triple> triples;
  for (const auto& q : quads) triples.push_back({q.subject, q.predicate, q.object});
  return triples;
}

inline ContractGraph graph_of(const std::string& turtle) { return ContractGraph(triples_of(turtle)); }

inline NodeId node(const ContractGraph& graph, const std::vector<NodeId>& nodes, const std::string& iri) {
  for (const NodeId n : nodes) {
    if (graph.term(n).value == iri) return n;
  }
  throw std::runtime_error("no node " + iri);
}

// A directory under the system temp dir, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    static std::mt19937_64 random{std::random_device{}()};
    path_ = std::filesystem::temp_directory_path() /
            ("ng-evaluation-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string write(const std::string& name, const std::string& text) const {
    const auto file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace ng::evaluation::test
