#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "graph/store.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/outputs.hpp"
#include "pipeline/stats.hpp"

namespace ng::cli {

void add_stats_command(CLI::App& app, Action& action) {
  auto store_path = std::make_shared<std::string>();
  auto base = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("stats", "Count what the store holds: articles, classes, predicates");
  add_store_option(*cmd, *store_path);
  add_base_option(*cmd, *base, "base IRI the store was built with, for its prefixes");
  cmd->callback([store_path, base, &action] {
    action = [store_path, base] {
      const graph::Store store = open_store_for_reading(*store_path);
      const ontology::IriMinter minter(base_or_stored(*base, store));
      fmt::print("{}", pipeline::format_stats(pipeline::compute_stats(store), pipeline::output_prefixes(minter)));
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
