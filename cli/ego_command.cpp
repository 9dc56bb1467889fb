#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/network_text.hpp"
#include "cli/options.hpp"
#include "graph/network/questions.hpp"

namespace ng::cli {

void add_ego_command(CLI::App& app, Action& action) {
  struct Arguments {
    std::string store, name;
    graph::network::EgoOptions options;
  };
  auto args = std::make_shared<Arguments>();
  CLI::App* cmd = app.add_subcommand("ego", "Who is within a few hops of an entity, and through whom");
  cmd->add_option("name", args->name, "an entity: name, alias or IRI")->required();
  cmd->add_option("--hops", args->options.hops, "how far to look")->capture_default_str();
  add_store_option(*cmd, args->store);
  add_view_option(*cmd, args->options.view);
  cmd->callback([args, &action] {
    action = [args] {
      const graph::Store store = open_store_for_reading(args->store);
      fmt::print("{}", format_ego(graph::network::ego_network(store, args->name, args->options)));
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
