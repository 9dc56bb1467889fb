#pragma once
// How subcommands plug into the CLI: each registers its options on a CLI11
// subcommand and sets the function main() runs when it was chosen.

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace ng::cli {

// Exit codes (documented in the README and `newsgraph --help`).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;       // the operation failed
inline constexpr int kExitUsage = 2;         // bad command line
inline constexpr int kExitSkippedInput = 3;  // done, but some input was skipped
inline constexpr int kExitInternal = 70;     // a bug: please report it

using Action = std::function<int()>;

void add_build_command(CLI::App& app, Action& action);
void add_query_command(CLI::App& app, Action& action);
void add_export_command(CLI::App& app, Action& action);
void add_stats_command(CLI::App& app, Action& action);
void add_extract_command(CLI::App& app, Action& action);
void add_evaluate_command(CLI::App& app, Action& action);
// The network: graph/network and pipeline/analyze.
void add_analyze_command(CLI::App& app, Action& action);
void add_path_command(CLI::App& app, Action& action);
void add_top_command(CLI::App& app, Action& action);
void add_ego_command(CLI::App& app, Action& action);
void add_diagram_command(CLI::App& app, Action& action);
// The SPARQL endpoint: server/.
void add_serve_command(CLI::App& app, Action& action);
// Keeping the store: pipeline/store_edit and graph/store_check, graph/store_migrate.
void add_remove_command(CLI::App& app, Action& action);
void add_load_command(CLI::App& app, Action& action);
void add_check_command(CLI::App& app, Action& action);
void add_migrate_command(CLI::App& app, Action& action);

// The default store: $NEWSGRAPH_STORE, else ./newsgraph-store.
std::string default_store();
// Whether stdout / stderr are terminals.
bool stdout_is_terminal();
bool stderr_is_terminal();

}  // namespace ng::cli
