#pragma once
// `newsgraph evaluate`: scores a graph (RDF files or a newsgraph store)
// against a directory of gold annotations. docs/evaluation.md is the user's
// guide: gold format, matching rules, an example.

#include <filesystem>
#include <string>
#include <vector>

#include "evaluation/contract_graph.hpp"
#include "evaluation/report.hpp"

namespace ng::evaluation {

struct EvaluateOptions {
  std::filesystem::path gold;        // directory of *.gold.json files
  std::vector<std::string> graphs;   // RDF files, merged; when empty, `store` is read
  std::string store;                 // a newsgraph store directory
};

// Reads RDF files (syntax by extension: .ttl, .nt, .nq, .trig, .rdf/.xml/.owl;
// Turtle otherwise) into one set of triples; named graphs are merged, and a
// blank node of one file is never the blank node of another. Throws IoError
// (unreadable file, JSON-LD) or ParseError (bad syntax, with line and column).
std::vector<ontology::Triple> read_graph_files(const std::vector<std::string>& paths);
// Every triple of a store (all its named graphs), read-only. Throws StoreError.
std::vector<ontology::Triple> read_store(const std::string& path);

// Scores every gold file against the graph. Gold problems throw ParseError
// or IoError naming the file; a gold article with no article in the graph
// counts as all missed (and is logged as a warning).
Evaluation evaluate(const std::vector<GoldArticle>& gold, const ContractGraph& graph);
Evaluation evaluate(const EvaluateOptions& options);

}  // namespace ng::evaluation
