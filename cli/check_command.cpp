#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "graph/store_check.hpp"

namespace ng::cli {

void add_check_command(CLI::App& app, Action& action) {
  auto store_path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("check", "Read the whole store and say whether it is sound (exit 1 if not)");
  add_store_option(*cmd, *store_path);
  cmd->callback([store_path, &action] {
    action = [store_path] {
      const graph::CheckReport report = graph::check_store(*store_path);
      for (const auto& problem : report.problems) spdlog::error("{}", problem);
      if (!report.ok()) {
        fmt::print("newsgraph check: store {} is damaged ({} problems). Restore it from a backup, or delete it and "
                   "build again.\n",
                   *store_path, report.problems.size());
        return kExitFailure;
      }
      fmt::print("newsgraph check: store {} is sound: {} quads in {} graphs, {} terms ({} no longer used), {:.1f} MB\n",
                 *store_path, report.quads, report.graphs, report.terms, report.unused_terms,
                 static_cast<double>(report.bytes) / 1e6);
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
