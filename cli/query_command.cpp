#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "common/error.hpp"
#include "graph/sparql.hpp"
#include "graph/sparql_files.hpp"
#include "graph/store.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/outputs.hpp"

namespace ng::cli {

namespace {

struct QueryArguments {
  std::string store;
  std::vector<std::string> graphs;
  std::string query;
  std::string file;
  std::string format;
  std::string base;
  double timeout_seconds = 60;
  std::size_t max_memory_mb = 2048;
};

graph::ResultFormat parse_format(const std::string& name) {
  if (name == "table") return graph::ResultFormat::Table;
  if (name == "csv") return graph::ResultFormat::Csv;
  if (name == "tsv") return graph::ResultFormat::Tsv;
  if (name == "json") return graph::ResultFormat::Json;
  if (name == "xml") return graph::ResultFormat::Xml;
  if (name == "ntriples") return graph::ResultFormat::NTriples;
  if (name == "rdfxml") return graph::ResultFormat::RdfXml;
  return graph::ResultFormat::Turtle;
}

// Writes results as they come, in --format or, without one, in the
// default for their kind: a table on a terminal (CSV otherwise) for
// SELECT and ASK, Turtle for graphs.
class Output final : public graph::ResultSink {
 public:
  Output(std::string format, bool terminal) : format_(std::move(format)), terminal_(terminal) {}
  void begin_rows(const std::vector<std::string>& variables) override { writer(false).begin_rows(variables); }
  bool row(const std::vector<const ontology::Term*>& values) override { return writer(false).row(values); }
  void boolean(bool value) override { writer(false).boolean(value); }
  void triples(const std::vector<ontology::Triple>& triples) override { writer(true).triples(triples); }
  void finish() override {
    if (writer_) writer_->finish();
    std::cout.flush();
  }

 private:
  graph::ResultSink& writer(bool graph_result) {
    if (!writer_) {
      graph::ResultFormat format = parse_format(format_);
      if (format_.empty()) {
        format = graph_result ? graph::ResultFormat::Turtle
                              : (terminal_ ? graph::ResultFormat::Table : graph::ResultFormat::Csv);
      }
      writer_ = graph::make_result_writer(format, std::cout);
    }
    return *writer_;
  }

  std::string format_;
  bool terminal_;
  std::unique_ptr<graph::ResultSink> writer_;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("{}: cannot read query file", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void add_query_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<QueryArguments>();
  CLI::App* cmd = app.add_subcommand("query", "Run a SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query");
  cmd->add_option("query", args->query, "the query text (or use -f)");
  cmd->add_option("-f,--file", args->file, "read the query from a .rq file");
  add_store_option(*cmd, args->store);
  auto* store_option = cmd->get_option("--store");
  cmd->add_option("--graph", args->graphs,
                  "query RDF files instead of a store (.ttl .nt .nq .trig); repeatable. Plain files make the default "
                  "graph; graphs named in .nq/.trig files are the named graphs")
      ->allow_extra_args(false)
      ->excludes(store_option);
  cmd->add_option("--format", args->format,
                  "table (default on a terminal), csv (default otherwise), tsv, json, xml; turtle, ntriples or rdfxml "
                  "for graphs")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "rdfxml"}));
  add_base_option(*cmd, args->base,
                  "base IRI: of the store's entity prefixes (as given to build --base) and of relative IRIs in the "
                  "query (default: the query file's URL with -f, else the store's base)");
  cmd->add_option("--timeout", args->timeout_seconds, "stop the query after this many seconds (0: never)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1e7));
  cmd->add_option("--max-memory", args->max_memory_mb,
                  "memory in MB the query may hold for intermediate results (hash joins, sorting, DISTINCT)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{16}, std::size_t{1} << 30));
  cmd->callback([args, &action] {
    action = [args] {
      if (args->query.empty() == args->file.empty()) throw UsageError("give a query text or -f FILE, not both or neither");
      const std::string query = args->file.empty() ? args->query : read_file(args->file);
      graph::QueryOptions options;
      options.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(args->timeout_seconds * 1000));
      options.max_memory_bytes = args->max_memory_mb * 1024 * 1024;
      std::optional<graph::Store> store;
      if (args->graphs.empty()) {
        store.emplace(open_store_for_reading(args->store));
      } else {
        store.emplace(graph::StoreOptions{"", graph::StoreOptions::Mode::ReadWrite, true});
        graph::load_query_files(*store, args->graphs);
        options.default_graph = graph::kFilesDefaultGraph;
      }
      // The base the store was built with, unless --base says otherwise.
      const std::string base = base_or_stored(args->base, *store);
      const ontology::IriMinter minter(base);
      options.prefixes = pipeline::output_prefixes(minter);
      options.base = !args->base.empty() ? args->base : !args->file.empty() ? graph::file_graph_iri(args->file) : base;
      // FROM <file:...> names local files to read, like --graph.
      if (!args->graphs.empty()) graph::load_dataset_files(*store, graph::inspect_query(query, options).dataset);
      Output output(args->format, stdout_is_terminal());
      graph::run_query(*store, query, options, output);
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
