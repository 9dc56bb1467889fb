#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "graph/store_migrate.hpp"

namespace ng::cli {

void add_migrate_command(CLI::App& app, Action& action) {
  auto store_path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "migrate", "Convert a store of an older newsgraph (Berkeley DB) into the current format, in place");
  add_store_option(*cmd, *store_path);
  cmd->callback([store_path, &action] {
    action = [store_path] {
      const graph::MigrationReport report = graph::migrate_bdb_store(*store_path);
      fmt::print("newsgraph migrate: store {} converted: {} quads in {} graphs; {:.1f} MB of Berkeley DB files "
                 "replaced by {:.1f} MB\n",
                 *store_path, report.quads, report.graphs, static_cast<double>(report.old_bytes) / 1e6,
                 static_cast<double>(report.new_bytes) / 1e6);
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
