#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/network_text.hpp"
#include "cli/options.hpp"
#include "graph/network/questions.hpp"

namespace ng::cli {

void add_path_command(CLI::App& app, Action& action) {
  struct Arguments {
    std::string store, from, to;
    graph::network::PathOptions options;
  };
  auto args = std::make_shared<Arguments>();
  CLI::App* cmd = app.add_subcommand("path", "Shortest chains linking two entities, with the evidence for each hop");
  cmd->add_option("from", args->from, "an entity: name, alias or IRI")->required();
  cmd->add_option("to", args->to, "another entity")->required();
  add_store_option(*cmd, args->store);
  add_view_option(*cmd, args->options.view);
  cmd->add_option("-n,--max-chains", args->options.max_chains, "at most this many chains")->capture_default_str();
  cmd->callback([args, &action] {
    action = [args] {
      const graph::Store store = open_store_for_reading(args->store);
      fmt::print("{}", format_paths(graph::network::find_paths(store, args->from, args->to, args->options)));
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
