// ng_train: trains newsgraph's statistical models from UD treebanks,
// scores them and times them. Developer tool (scripts/train-models runs
// it); newsgraph itself never trains. One file per subcommand.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exception>

#include "common/error.hpp"
#include "models/train/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"ng_train: train, score and time newsgraph's tagger, parser and name finder", "ng_train"};
  app.require_subcommand(1);
  ng::models::add_tagger_command(app);
  ng::models::add_parser_command(app);
  ng::models::add_evaluate_command(app);
  ng::models::add_bench_command(app);
  ng::models::add_names_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const ng::UsageError& e) {
    fmt::print(stderr, "usage error: {}\n", e.what());
    return 2;
  } catch (const ng::Error& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "internal error: {}\n", e.what());
    return 70;
  }
  return 0;
}
