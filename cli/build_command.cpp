#include <fmt/format.h>
#include <cmath>
#include <stdexcept>
#include <string>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "cli/command.hpp"
#include "cli/input_problems.hpp"
#include "cli/network_text.hpp"
#include "cli/options.hpp"
#include "pipeline/build.hpp"

namespace ng::cli {

namespace {

struct BuildArguments {
  pipeline::BuildOptions options;
  bool memory = false;
  double max_article_mb = 2;  // see ReadOptions::max_article_bytes
  bool no_text = false;
  bool no_mention_offsets = false;
  bool no_diagram = false;
  bool no_export = false;
};

// A size limit in megabytes: a finite number above 0, at most 4096. (CLI11's
// PositiveNumber prints its range as a 300-digit number, and lets "nan"
// through, which switched the limit off.)
CLI::Validator megabytes_limit() {
  return CLI::Validator(
      [](const std::string& text) -> std::string {
        double value = 0;
        std::size_t used = 0;
        try {
          value = std::stod(text, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used != text.size() || !std::isfinite(value) || value <= 0 || value > 4096) {
          return "'" + text + "' is not a size: give megabytes above 0 and at most 4096, such as 8 or 0.5";
        }
        return {};
      },
      "MB");
}

void print_summary(const pipeline::BuildReport& r, const pipeline::BuildOptions& o) {
  fmt::print("newsgraph build: {}, {} built, {} unchanged", plural(r.input.files, "file"),
             plural(r.articles_built, "article"), r.articles_unchanged);
  if (r.articles_relinked > 0) fmt::print(", {} relinked", r.articles_relinked);
  fmt::print(", {}\n", plural(r.record_files, "record file"));
  if (r.nothing_changed) {
    fmt::print("nothing changed since the last build\n");
  } else {
    fmt::print("found: {}, {}, {}, {}\n", plural(r.entities_by_type[0], "person", "people"),
               plural(r.entities_by_type[1], "organisation"), plural(r.entities_by_type[2], "place"),
               plural(r.statements, "statement"));
  }
  const std::string store = o.store_path.empty() ? "in memory" : o.store_path;
  if (r.nothing_changed) fmt::print("store: {} (unchanged)\n", store);
  else fmt::print("store: {} ({}, {} added)\n", store, plural(r.store_quads, "quad"), r.quads_added);
  if (!r.files.empty()) fmt::print("files: {}\n", fmt::join(r.files, " "));
  fmt::print("time: {:.2f} s\n", r.total_ms / 1000.0);
  if (r.input.skipped() > 0) fmt::print("skipped: {} (named above)\n", plural(r.input.skipped(), "item"));
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
                  "RDF file of known entities (Turtle, N-Triples, N-Quads, RDF/XML) to link to; repeatable")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
  cmd->add_flag("--memory", args->memory, "use an in-memory store: nothing persists but the files");
  add_base_option(*cmd, args->options.base, "base IRI of minted IRIs (default https://newsgraph.example/)");
  cmd->add_option("--threads", args->options.threads, "extraction threads (default: one per core)");
  cmd->add_option("--max-article-mb", args->max_article_mb, "skip articles larger than this many megabytes")
      ->capture_default_str()
      ->check(megabytes_limit());
  cmd->add_option("--name", args->options.read.stdin_name,
                  "with - : the identity of the article read from standard input, so that a new version "
                  "replaces it (default: its content is its identity)");
  cmd->add_flag("--follow", args->options.follow_links, "follow symbolic links to directories inside input folders");
  cmd->add_flag("--force", args->options.force,
                "re-extract every article, even unchanged ones (after upgrading newsgraph)");
  cmd->add_flag("--no-diagram", args->no_diagram, "do not draw graph.dot and graph.svg");
  cmd->add_option("--diagram-top", args->options.diagram_top,
                  "the diagram draws the N most central entities (PageRank) with their strongest links (0: all)")
      ->capture_default_str();
  cmd->add_flag("--no-export", args->no_export, "write the store only: no files in --out");
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
      options.diagram = !args->no_diagram;
      options.write_files = !args->no_export;
      options.progress = stderr_is_terminal();
      const pipeline::BuildReport report = pipeline::build_graph(options);
      print_input_problems(report.input);
      if (report.nothing_to_read) {
        spdlog::error("nothing to read: no input file found; nothing was built");
        return kExitFailure;
      }
      print_summary(report, options);
      const std::size_t read = report.input.articles + report.input.entity_records + report.input.statement_records;
      if (read == 0 && report.input.skipped() > 0) return kExitFailure;  // nothing could be read at all
      return report.input.skipped() > 0 ? kExitSkippedInput : kExitOk;
    };
  });
}

}  // namespace ng::cli
