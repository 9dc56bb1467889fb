#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "pipeline/store_edit.hpp"

namespace ng::cli {

void add_load_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<pipeline::LoadOptions>();
  CLI::App* cmd = app.add_subcommand(
      "load", "Load RDF files (Turtle, N-Triples, N-Quads, TriG) into the store, all or nothing");
  cmd->add_option("files", args->files, "RDF files (.ttl .nt .nq .trig); a file's triples go in a graph named by "
                                        "its file: IRI, quads keep their graphs")
      ->required();
  add_store_option(*cmd, args->store_path);
  cmd->callback([args, &action] {
    action = [args] {
      const pipeline::LoadReport report = pipeline::load_into_store(*args);
      std::size_t quads = 0;
      for (const auto& file : report.files) {
        fmt::print("loaded {}: {} quads in {} graph{}\n", file.path, file.quads, file.graphs.size(),
                   file.graphs.size() == 1 ? "" : "s");
        quads += file.quads;
      }
      fmt::print("newsgraph load: {} file{}, {} quads; store: {} ({} quads)\n", report.files.size(),
                 report.files.size() == 1 ? "" : "s", quads,
                 args->store_path, report.store_quads);
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
