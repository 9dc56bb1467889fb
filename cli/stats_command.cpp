#include <fmt/format.h>

#include "cli/command.hpp"
#include "graph/store.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/outputs.hpp"
#include "pipeline/stats.hpp"

namespace ng::cli {

void add_stats_command(CLI::App& app, const GlobalOptions& global, Action& action) {
  auto store_path = std::make_shared<std::string>(global.store);
  auto base = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("stats", "Count what the store holds: articles, classes, predicates");
  cmd->add_option("--store", *store_path, "store directory")->capture_default_str();
  cmd->add_option("--base", *base, "base IRI the store was built with, for its prefixes");
  cmd->callback([store_path, base, &action] {
    action = [store_path, base] {
      const graph::Store store(graph::StoreOptions{*store_path, graph::StoreOptions::Mode::ReadOnly, false});
      // Without --base: the base the store was built with.
      const ontology::IriMinter minter(
          base->empty() ? store.base_iri().value_or(std::string(ontology::IriMinter::kDefaultBase)) : *base);
      fmt::print("{}", pipeline::format_stats(pipeline::compute_stats(store), pipeline::output_prefixes(minter)));
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
