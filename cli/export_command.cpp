#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "common/error.hpp"
#include "graph/diagram.hpp"
#include "graph/rdf_export.hpp"
#include "graph/store.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/outputs.hpp"

namespace ng::cli {

namespace {
struct ExportArguments {
  std::string store;
  std::string format = "turtle";
  std::string output;
  std::string base;
};
}  // namespace

void add_export_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  auto args = std::make_shared<ExportArguments>();
  args->store = global.store;
  CLI::App* cmd = app.add_subcommand("export", "Write the store as RDF or as a network diagram");
  cmd->add_option("--store", args->store, "store directory")->capture_default_str();
  cmd->add_option("--format", args->format, "turtle, ntriples, nquads, trig, rdfxml, dot, svg")
      ->capture_default_str()
      ->check(CLI::IsMember({"turtle", "ntriples", "nquads", "trig", "rdfxml", "dot", "svg"}));
  cmd->add_option("-o,--output", args->output, "output file (default: stdout)");
  cmd->add_option("--base", args->base, "base IRI the store was built with, for its prefixes");
  cmd->callback([args, &action] {
    action = [args] {
      const graph::Store store(graph::StoreOptions{args->store, graph::StoreOptions::Mode::ReadOnly, false});
      if (args->format == "dot" || args->format == "svg") {
        if (args->output.empty()) throw UsageError(fmt::format("--format {} needs -o FILE", args->format));
        graph::write_diagram(store, graph::DiagramOptions{}, args->output);
        return kExitOk;
      }
      // Without --base: the base the store was built with.
      const ontology::IriMinter minter(
          args->base.empty() ? store.base_iri().value_or(std::string(ontology::IriMinter::kDefaultBase)) : args->base);
      graph::ExportOptions options;
      options.prefixes = pipeline::output_prefixes(minter);
      graph::RdfFormat format = graph::RdfFormat::Turtle;
      if (args->format == "ntriples") format = graph::RdfFormat::NTriples;
      if (args->format == "nquads") format = graph::RdfFormat::NQuads;
      if (args->format == "trig") format = graph::RdfFormat::TriG;
      if (args->format == "rdfxml") format = graph::RdfFormat::RdfXml;
      if (args->output.empty()) {
        graph::export_rdf(store, format, std::cout, options);
        std::cout.flush();
      } else {
        graph::export_rdf_file(store, format, args->output, options);
      }
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
