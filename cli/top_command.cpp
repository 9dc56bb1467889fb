#include <fmt/format.h>

#include "cli/command.hpp"
#include "common/error.hpp"
#include "graph/network/network.hpp"
#include "graph/store.hpp"
#include "pipeline/network_queries.hpp"

namespace ng::cli {

void add_top_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  struct Arguments {
    std::string store, by = "pagerank", view = "combined", type, format;
    pipeline::TopOptions options;
  };
  auto args = std::make_shared<Arguments>();
  args->store = global.store;
  CLI::App* cmd = app.add_subcommand("top", "The most central entities");
  cmd->add_option("--store", args->store, "store directory")->capture_default_str();
  cmd->add_option("--by", args->by, "pagerank, betweenness, statements (made) or degree (links)")
      ->check(CLI::IsMember({"pagerank", "betweenness", "statements", "degree"}))
      ->capture_default_str();
  cmd->add_option("-n", args->options.count, "how many")->capture_default_str();
  cmd->add_option("--type", args->type, "only Person, Organization or Place");
  cmd->add_option("--view", args->view, "speaks-about, co-mention, affiliation or combined")
      ->check(CLI::IsMember({"speaks-about", "co-mention", "affiliation", "combined"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "table (default on a terminal) or csv")
      ->check(CLI::IsMember({"table", "csv"}));
  cmd->callback([args, &action] {
    action = [args] {
      args->options.view = *graph::network::parse_view(args->view);
      args->options.by = *pipeline::parse_top_metric(args->by);
      if (!args->type.empty()) {
        args->options.type = ontology::parse_entity_type(args->type);
        if (!args->options.type) throw UsageError(fmt::format("--type: unknown entity type '{}'", args->type));
      }
      const graph::Store store(graph::StoreOptions{args->store, graph::StoreOptions::Mode::ReadOnly, false});
      const bool csv = args->format == "csv" || (args->format.empty() && !stdout_is_terminal());
      fmt::print("{}", pipeline::format_top(pipeline::top_entities(store, args->options), args->options.by, csv));
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
