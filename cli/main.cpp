// newsgraph: who said what about whom in the news, as an RDF graph.
// The CLI is thin: it parses options, calls one library function per
// subcommand, and maps errors to exit codes. Data goes to stdout, logs to
// stderr.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <algorithm>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/command.hpp"
#include "common/error.hpp"

namespace {

constexpr const char* kFooter = R"(Exit codes: 0 success, 1 the operation failed, 2 usage error,
3 done but some input was skipped (each skipped item is named on stderr).

Examples:
  newsgraph build examples/ --out out --store out/store
  newsgraph query --store out/store 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }'
  newsgraph query --store out/store -f examples/queries/most_quoted.rq --format csv
  newsgraph export --store out/store --format nquads -o graph.nq
  newsgraph stats --store out/store
  newsgraph analyze --store out/store --out out/analysis
  newsgraph diagram --store out/store --top 50 -o network.svg

Store: an embedded Redland store (LMDB files) in a directory; the default
is $NEWSGRAPH_STORE or ./newsgraph-store. No server to start.)";

void configure_logging(const std::string& level, bool quiet, int verbose) {
  auto logger = spdlog::stderr_color_mt("newsgraph");
  logger->set_pattern("%^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::level::level_enum chosen = spdlog::level::info;
  if (!level.empty()) chosen = spdlog::level::from_str(level);
  if (quiet) chosen = spdlog::level::warn;
  if (verbose == 1) chosen = spdlog::level::debug;
  if (verbose >= 2) chosen = spdlog::level::trace;
  spdlog::set_level(chosen);
}

// The first word that is neither an option of newsgraph itself nor the
// value of one: the command. Empty when there is none.
std::string command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--log-level") {
      ++i;  // its value
      continue;
    }
    if (arg.starts_with("-")) continue;
    return std::string(arg);
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ng::cli;
  CLI::App app{"newsgraph: who said what about whom in the news, as an RDF knowledge graph", "newsgraph"};
  app.require_subcommand(1);
  // -q, -v and --log-level also after the command ("newsgraph build x -q"):
  // a command passes options it does not know up to newsgraph itself.
  app.fallthrough();
  app.set_version_flag("--version", std::string("newsgraph ") + NG_VERSION);
  std::string log_level;
  bool quiet = false;
  int verbose = 0;
  app.add_option("--log-level", log_level, "trace, debug, info (default), warn, error, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
  app.add_flag("-q,--quiet", quiet, "only warnings and errors on stderr");
  app.add_flag("-v,--verbose", verbose, "more detail on stderr (-vv for every token)");

  Action action;
  add_build_command(app, action);
  add_query_command(app, action);
  add_export_command(app, action);
  add_stats_command(app, action);
  add_extract_command(app, action);
  add_evaluate_command(app, action);
  add_analyze_command(app, action);
  add_path_command(app, action);
  add_top_command(app, action);
  add_ego_command(app, action);
  add_diagram_command(app, action);
  add_serve_command(app, action);
  add_remove_command(app, action);
  add_load_command(app, action);
  add_check_command(app, action);
  add_migrate_command(app, action);
  // The exit codes and examples on the main help only, not under every command.
  app.footer(kFooter);
  for (CLI::App* command : app.get_subcommands({})) command->footer("");

  // A mistyped command is named, with the commands there are (CLI11 would
  // only say that a subcommand is required).
  if (const std::string word = command_word(argc, argv); !word.empty()) {
    std::vector<std::string> names;
    for (const CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      std::fprintf(stderr, "unknown command '%s'; the commands are: %s\nRun with --help for more information.\n",
                   word.c_str(), fmt::format("{}", fmt::join(names, ", ")).c_str());
      return kExitUsage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  configure_logging(log_level, quiet, verbose);
  try {
    const int code = action ? action() : kExitUsage;
    // Data goes to stdout: a full disk or a closed pipe there is a failure
    // too, not a success with a truncated answer.
    std::cout.flush();
    if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) {
      spdlog::error("standard output: cannot write: {}", std::strerror(errno != 0 ? errno : EIO));
      return kExitFailure;
    }
    return code;
  } catch (const ng::UsageError& e) {
    spdlog::error("{}", e.what());
    return kExitUsage;
  } catch (const ng::Error& e) {
    spdlog::error("{}", e.what());
    return kExitFailure;
  } catch (const std::exception& e) {
    spdlog::critical("internal error: {} (please report this)", e.what());
    return kExitInternal;
  }
}
