// A small program using the newsgraph library directly, without the CLI:
// read articles, extract statements, keep the triples in an in-memory store,
// and ask it with SPARQL who said what.
//
//   who_said_what FILE_OR_DIR...

#include <fmt/format.h>

#include <iostream>

#include "graph/sparql.hpp"
#include "graph/store.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/input_files.hpp"
#include "loaders/nlp/extractor.hpp"
#include "loaders/to_rdf/article_to_rdf.hpp"
#include "ontology/iri_minter.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: who_said_what FILE_OR_DIR...\n";
    return 2;
  }
  try {
    ng::graph::Store store(ng::graph::StoreOptions{"", ng::graph::StoreOptions::Mode::ReadWrite, true});
    const ng::ontology::IriMinter minter;
    // Known entities (none here) and the entities found so far: this one-pass
    // program links each article to those before it. (`newsgraph build`
    // reads everything first, so that the order of articles does not matter.)
    const ng::loaders::EntityCatalog known;
    ng::loaders::EntityResolver resolver(known, minter);
    ng::loaders::InputReport report;
    ng::loaders::InputSink sink;
    sink.article = [&](ng::loaders::Article&& article) {
      const ng::nlp::Document document = ng::nlp::analyze(article.full_text(), ng::nlp::Lexicon::builtin());
      for (const auto& claim : ng::loaders::entity_claims(document)) resolver.add_found(claim);
      const auto graph = ng::loaders::article_to_rdf(article, document, resolver, minter);
      store.replace_graph(graph.article_iri, graph.quads);
    };
    sink.records = [](ng::loaders::RecordSet&&) {};
    const std::vector<std::string> inputs(argv + 1, argv + argc);
    for (const auto& input : ng::loaders::discover_inputs(inputs, report)) {
      ng::loaders::read_input(input, sink, report);
    }
    for (const auto& problem : report.problems) std::cerr << problem.origin << ": " << problem.message << "\n";

    const auto result = ng::graph::run_query(store, R"(
      SELECT ?speaker ?text WHERE {
        ?s a schema:Quotation ; schema:creator ?who ; schema:text ?text .
        ?who schema:name ?speaker .
      } ORDER BY ?speaker ?text)");
    for (const auto& row : result.rows) {
      fmt::print("{}: {}\n", row[0] ? row[0]->value : "?", row[1] ? row[1]->value : "?");
    }
    return report.skipped() > 0 ? 3 : 0;
  } catch (const std::exception& e) {
    std::cerr << "who_said_what: " << e.what() << "\n";
    return 1;
  }
}
