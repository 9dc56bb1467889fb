#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "common/error.hpp"
#include "graph/network/diagram.hpp"
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

void add_export_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ExportArguments>();
  CLI::App* cmd = app.add_subcommand("export", "Write the store as RDF or as a network diagram");
  add_store_option(*cmd, args->store);
  cmd->add_option("--format", args->format, "turtle, ntriples, nquads, trig, rdfxml, dot, svg")
      ->capture_default_str()
      ->check(CLI::IsMember({"turtle", "ntriples", "nquads", "trig", "rdfxml", "dot", "svg"}));
  cmd->add_option("-o,--output", args->output, "output file (default: stdout)");
  add_base_option(*cmd, args->base, "base IRI the store was built with, for its prefixes");
  cmd->callback([args, &action] {
    action = [args] {
      const graph::Store store = open_store_for_reading(args->store);
      if (args->format == "dot" || args->format == "svg") {
        if (args->output.empty()) throw UsageError(fmt::format("--format {} needs -o FILE", args->format));
        graph::network::write_diagram(graph::network::make_diagram(store, {}), args->output);
        return kExitOk;
      }
      const ontology::IriMinter minter(base_or_default(args->base));
      graph::ExportOptions options;
      options.prefixes = pipeline::output_prefixes(minter);
      graph::RdfFormat format = graph::RdfFormat::Turtle;
      if (args->format == "ntriples") format = graph::RdfFormat::NTriples;
      if (args->format == "nquads") format = graph::RdfFormat::NQuads;
      if (args->format == "trig") format = graph::RdfFormat::TriG;
      if (args->format == "rdfxml") format = graph::RdfFormat::RdfXml;
      if (args->output.empty()) {
        errno = 0;
        try {
          graph::export_rdf(store, format, std::cout, options);
        } catch (const IoError&) {
          throw IoError(fmt::format("standard output: cannot write: {}", std::strerror(errno != 0 ? errno : EIO)));
        }
      } else {
        graph::export_rdf_file(store, format, args->output, options);
        spdlog::info("wrote {} as {}", args->output, args->format);
      }
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
