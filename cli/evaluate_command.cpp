#include <fmt/format.h>

#include <iostream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "evaluation/evaluate.hpp"

namespace ng::cli {

namespace {

struct EvaluateArguments {
  evaluation::EvaluateOptions options;
  std::string gold;
  bool json = false;
  bool findings = false;
};

}  // namespace

void add_evaluate_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<EvaluateArguments>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate", "Score a graph against gold annotations: entities, statements, who said what (docs/evaluation.md)");
  cmd->add_option("--gold", args->gold, "directory of *.gold.json files, one per article")->required();
  add_store_option(*cmd, args->options.store);
  auto* store_option = cmd->get_option("--store");
  cmd->add_option("--graph", args->options.graphs,
                  "score RDF files instead of a store (.ttl .nt .nq .trig .rdf); several are merged")
      ->excludes(store_option);
  cmd->add_flag("--json", args->json, "print the figures as JSON (the keys of the existing report format)");
  cmd->add_flag("--verbose", args->findings, "list every miss and false positive per article");
  cmd->callback([args, &action] {
    action = [args] {
      args->options.gold = args->gold;
      const evaluation::Evaluation result = evaluation::evaluate(args->options);
      if (args->json) {
        std::cout << evaluation::format_json(result, args->findings);
      } else {
        if (args->findings) std::cout << evaluation::format_findings(result) << '\n';
        std::cout << evaluation::format_table(result);
      }
      std::cout.flush();
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
