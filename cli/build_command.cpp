#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "cli/input_problems.hpp"
#include "cli/options.hpp"
#include "pipeline/build.hpp"

namespace ng::cli {

namespace {

struct BuildArguments {
  pipeline::BuildOptions options;
  bool memory = false;
  double max_article_mb = 8;
  bool no_text = false;
  bool no_mention_offsets = false;
};

void print_summary(const pipeline::BuildReport& r, const pipeline::BuildOptions& o) {
  fmt::print("newsgraph build: {} files, {} articles built, {} unchanged, {} record files\n", r.input.files,
             r.articles_built, r.articles_unchanged, r.record_files);
  fmt::print("found: {} people, {} organisations, {} places, {} statements\n", r.entities_by_type[0],
             r.entities_by_type[1], r.entities_by_type[2], r.statements);
  fmt::print("store: {} ({} quads, {} added)\n", o.store_path.empty() ? "in memory" : o.store_path,
             r.store_quads, r.quads_added);
  if (!r.files.empty()) {
    fmt::print("files:");
    for (const auto& f : r.files) fmt::print(" {}", f);
    fmt::print("\n");
  }
  fmt::print("time: {:.2f} s\n", r.total_ms / 1000.0);
  if (r.input.skipped() > 0) fmt::print("skipped: {} items (named above)\n", r.input.skipped());
}

}  // namespace

void add_build_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<BuildArguments>();
  CLI::App* cmd = app.add_subcommand(
      "build", "Read articles and records, extract who said what about whom, store and export the graph");
  cmd->add_option("inputs", args->options.inputs,
                  "files (.txt .md .html .jsonl .csv .json), directories (read recursively) or - for stdin")
      ->required();
  cmd->add_option("--out", args->options.out_dir, "directory for graph.ttl, graph.nq, graph.dot, graph.svg")
      ->capture_default_str();
  add_store_option(*cmd, args->options.store_path);
  cmd->add_option("--catalog", args->options.catalogs,
                  "RDF file of known entities (Turtle, N-Triples, N-Quads) to link to; repeatable")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
  cmd->add_flag("--memory", args->memory, "use an in-memory store: nothing persists but the files");
  add_base_option(*cmd, args->options.base, "base IRI of minted IRIs (default https://newsgraph.example/)");
  cmd->add_option("--threads", args->options.threads, "extraction threads (default: one per core)");
  cmd->add_option("--max-article-mb", args->max_article_mb, "skip articles larger than this")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--force", args->options.force,
                "re-extract every article, even unchanged ones (after upgrading newsgraph)");
  cmd->add_flag("--no-text", args->no_text, "do not keep article texts in the graph (nif:isString)");
  cmd->add_flag("--no-mention-offsets", args->no_mention_offsets,
                "do not write a NIF node per mention (smaller graphs)");
  cmd->callback([args, &action] {
    action = [args] {
      pipeline::BuildOptions options = args->options;
      if (args->memory) options.store_path.clear();
      options.read.max_article_bytes = static_cast<std::size_t>(args->max_article_mb * 1024 * 1024);
      options.mapping.keep_text = !args->no_text;
      options.mapping.mention_offsets = !args->no_mention_offsets;
      options.progress = stderr_is_terminal();
      const pipeline::BuildReport report = pipeline::build_graph(options);
      print_input_problems(report.input);
      print_summary(report, options);
      const std::size_t read = report.input.articles + report.input.entity_records + report.input.statement_records;
      if (read == 0 && report.input.skipped() > 0) return kExitFailure;  // nothing could be read at all
      return report.input.skipped() > 0 ? kExitSkippedInput : kExitOk;
    };
  });
}

}  // namespace ng::cli
