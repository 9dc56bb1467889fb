#include <fmt/format.h>

#include "cli/command.hpp"
#include "graph/network/network.hpp"
#include "graph/store.hpp"
#include "pipeline/network_queries.hpp"

namespace ng::cli {

void add_ego_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  struct Arguments {
    std::string store, name, view = "combined";
    pipeline::EgoOptions options;
  };
  auto args = std::make_shared<Arguments>();
  args->store = global.store;
  CLI::App* cmd = app.add_subcommand("ego", "Who is within a few hops of an entity, and through whom");
  cmd->add_option("name", args->name, "an entity: name, alias or IRI")->required();
  cmd->add_option("--hops", args->options.hops, "how far to look")->capture_default_str();
  cmd->add_option("--store", args->store, "store directory")->capture_default_str();
  cmd->add_option("--view", args->view, "speaks-about, co-mention, affiliation or combined")
      ->check(CLI::IsMember({"speaks-about", "co-mention", "affiliation", "combined"}))
      ->capture_default_str();
  cmd->callback([args, &action] {
    action = [args] {
      args->options.view = *graph::network::parse_view(args->view);
      const graph::Store store(graph::StoreOptions{args->store, graph::StoreOptions::Mode::ReadOnly, false});
      fmt::print("{}", pipeline::format_ego(pipeline::ego_network(store, args->name, args->options)));
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
