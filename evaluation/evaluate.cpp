#include "evaluation/evaluate.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <chrono>

#include "common/error.hpp"
#include "graph/rdf_parse.hpp"
#include "graph/store.hpp"

namespace ng::evaluation {

namespace {

std::string lower_extension(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

}  // namespace

std::vector<ontology::Triple> read_graph_files(const std::vector<std::string>& paths) {
  std::vector<ontology::Triple> triples;
  for (std::size_t file = 0; file < paths.size(); ++file) {
    const std::string& path = paths[file];
    if (lower_extension(path) == ".jsonld") {
      throw IoError(fmt::format(
          "{}: JSON-LD is not read; give the graph as Turtle, N-Triples, N-Quads, TriG or RDF/XML", path));
    }
    const auto quads = graph::parse_rdf_file(path, "file:" + path);
    // The parser keeps each document's blank node labels: _:x of two files
    // would be one node. Tell them apart by the file's position.
    const std::string blank_prefix = fmt::format("f{}_", file);
    const auto own = [&](const ontology::Term& term) {
      return term.is_blank() ? ontology::Term::blank(blank_prefix + term.value) : term;
    };
    triples.reserve(triples.size() + quads.size());
    for (const auto& q : quads) triples.push_back({own(q.subject), q.predicate, own(q.object)});
    spdlog::debug("read {} quads from {}", quads.size(), path);
  }
  return triples;
}

std::vector<ontology::Triple> read_store(const std::string& path) {
  const graph::Store store(graph::StoreOptions{path, graph::StoreOptions::Mode::ReadOnly, false});
  std::vector<ontology::Triple> triples;
  store.for_each_quad([&](const ontology::Quad& q) { triples.push_back({q.subject, q.predicate, q.object}); });
  return triples;
}

Evaluation evaluate(const std::vector<GoldArticle>& gold, const ContractGraph& graph) {
  std::vector<ArticleScore> scores;
  scores.reserve(gold.size());
  for (const auto& article : gold) {
    scores.push_back(score_article(graph, article));
    if (!scores.back().found) {
      spdlog::warn("no article for {} in the graph; its gold counts as missed", article.doc);
    }
  }
  return summarize(std::move(scores));
}

Evaluation evaluate(const EvaluateOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const auto gold = read_gold_directory(options.gold);
  const auto triples = options.graphs.empty() ? read_store(options.store) : read_graph_files(options.graphs);
  const ContractGraph graph(triples);
  Evaluation evaluation = evaluate(gold, graph);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  spdlog::info("evaluate: {} gold files, {} triples, {} ms", gold.size(), graph.triple_count(), ms.count());
  return evaluation;
}

}  // namespace ng::evaluation
