#include <fmt/format.h>

#include "cli/command.hpp"
#include "graph/network/network.hpp"
#include "graph/store.hpp"
#include "pipeline/network_queries.hpp"

namespace ng::cli {

void add_path_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  struct Arguments {
    std::string store, from, to, view = "combined";
    pipeline::PathOptions options;
  };
  auto args = std::make_shared<Arguments>();
  args->store = global.store;
  CLI::App* cmd = app.add_subcommand("path", "Shortest chains linking two entities, with the evidence for each hop");
  cmd->add_option("from", args->from, "an entity: name, alias or IRI")->required();
  cmd->add_option("to", args->to, "another entity")->required();
  cmd->add_option("--store", args->store, "store directory")->capture_default_str();
  cmd->add_option("--view", args->view, "speaks-about, co-mention, affiliation or combined")
      ->check(CLI::IsMember({"speaks-about", "co-mention", "affiliation", "combined"}))
      ->capture_default_str();
  cmd->add_option("-n,--max-chains", args->options.max_chains, "at most this many chains")->capture_default_str();
  cmd->callback([args, &action] {
    action = [args] {
      args->options.view = *graph::network::parse_view(args->view);
      const graph::Store store(graph::StoreOptions{args->store, graph::StoreOptions::Mode::ReadOnly, false});
      const auto answer = pipeline::find_paths(store, args->from, args->to, args->options);
      fmt::print("{}", pipeline::format_paths(answer));
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
