#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "pipeline/store_edit.hpp"

namespace ng::cli {

void add_remove_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<pipeline::RemoveOptions>();
  CLI::App* cmd = app.add_subcommand(
      "remove", "Take graphs out of the store: by IRI, by input file, or those whose input file is gone");
  cmd->add_option("graphs", args->graphs, "IRIs of graphs (articles, record sets) to remove");
  cmd->add_option("--input", args->inputs, "remove what was built from these files (or directories); repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--missing", args->missing, "remove what was built from files that no longer exist");
  cmd->add_flag("--dry-run", args->dry_run, "list what would be removed; change nothing");
  add_store_option(*cmd, args->store_path);
  cmd->callback([args, &action] {
    action = [args] {
      const pipeline::RemoveReport report = pipeline::remove_from_store(*args);
      for (const auto& removed : report.removed) {
        if (args->dry_run) {
          fmt::print("would remove <{}>{}{}\n", removed.graph, removed.source.empty() ? "" : " from ", removed.source);
        } else {
          fmt::print("removed <{}> ({} quads{}{})\n", removed.graph, removed.quads,
                     removed.source.empty() ? "" : " from ", removed.source);
        }
      }
      for (const auto& missing : report.not_found) spdlog::warn("{}: not in the store", missing);
      if (!report.records_pruned.empty()) {
        spdlog::info("the store's records of {} input file{} {}", report.records_pruned.size(),
                     report.records_pruned.size() == 1 ? "" : "s", args->dry_run ? "would go too" : "went too");
      }
      fmt::print("newsgraph remove: {} graph{} {}; store: {} ({} quads)\n", report.removed.size(),
                 report.removed.size() == 1 ? "" : "s",
                 args->dry_run ? "would go" : "removed", args->store_path, report.store_quads);
      if (!report.removed.empty() && !args->dry_run) {
        fmt::print("(the files of a previous `build --out` still show them until the next build)\n");
      }
      return report.not_found.empty() ? kExitOk : kExitFailure;
    };
  });
}

}  // namespace ng::cli
