#include <fmt/format.h>

#include "cli/command.hpp"
#include "common/error.hpp"
#include "cli/network_text.hpp"
#include "cli/options.hpp"
#include "graph/network/questions.hpp"

namespace ng::cli {

void add_top_command(CLI::App& app, Action& action) {
  struct Arguments {
    std::string store, by = "pagerank", type, format;
    graph::network::TopOptions options;
  };
  auto args = std::make_shared<Arguments>();
  CLI::App* cmd = app.add_subcommand("top", "The most central entities");
  add_store_option(*cmd, args->store);
  cmd->add_option("--by", args->by, "pagerank, betweenness, statements (made) or degree (links)")
      ->check(CLI::IsMember({"pagerank", "betweenness", "statements", "degree"}))
      ->capture_default_str();
  cmd->add_option("-n", args->options.count, "how many")->capture_default_str();
  cmd->add_option("--type", args->type, "only Person, Organization or Place");
  add_view_option(*cmd, args->options.view);
  add_format_option(*cmd, args->format, {"table", "csv"}, "table (default on a terminal) or csv");
  cmd->callback([args, &action] {
    action = [args] {
      args->options.by = *graph::network::parse_top_metric(args->by);
      if (!args->type.empty()) {
        args->options.type = ontology::parse_entity_type(args->type);
        if (!args->options.type) throw UsageError(fmt::format("--type: unknown entity type '{}'", args->type));
      }
      const graph::Store store = open_store_for_reading(args->store);
      const bool csv = args->format == "csv" || (args->format.empty() && !stdout_is_terminal());
      fmt::print("{}", format_top(graph::network::top_entities(store, args->options), args->options.by, csv));
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
