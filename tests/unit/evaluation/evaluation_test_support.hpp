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
#include "tests/unit/temp_dir.hpp"

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

using ng::test::TempDir;

}  // namespace ng::evaluation::test
