#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "common/error.hpp"
#include "graph/rdf_parse.hpp"
#include "graph/sparql.hpp"
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
};

graph::ResultFormat parse_format(const std::string& name, bool terminal, bool graph_result) {
  if (name.empty()) {
    if (graph_result) return graph::ResultFormat::Turtle;
    return terminal ? graph::ResultFormat::Table : graph::ResultFormat::Csv;
  }
  if (name == "table") return graph::ResultFormat::Table;
  if (name == "csv") return graph::ResultFormat::Csv;
  if (name == "tsv") return graph::ResultFormat::Tsv;
  if (name == "json") return graph::ResultFormat::Json;
  if (name == "xml") return graph::ResultFormat::Xml;
  if (name == "ntriples") return graph::ResultFormat::NTriples;
  return graph::ResultFormat::Turtle;
}

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
  CLI::App* cmd = app.add_subcommand(
      "query", "Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query (rasqal: no Update, EXISTS, MINUS, property paths)");
  cmd->add_option("query", args->query, "the query text (or use -f)");
  cmd->add_option("-f,--file", args->file, "read the query from a .rq file");
  add_store_option(*cmd, args->store);
  auto* store_option = cmd->get_option("--store");
  cmd->add_option("--graph", args->graphs, "query an RDF file instead of a store (.ttl .nt .nq .trig); repeatable")
      ->allow_extra_args(false)
      ->excludes(store_option);
  cmd->add_option("--format", args->format,
                  "table (default on a terminal), csv (default otherwise), tsv, json, xml; turtle or ntriples for graphs")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "xml", "turtle", "ntriples"}));
  add_base_option(*cmd, args->base, "base IRI the store was built with, for its prefixes");
  cmd->callback([args, &action] {
    action = [args] {
      if (args->query.empty() == args->file.empty()) throw UsageError("give a query text or -f FILE, not both or neither");
      const std::string query = args->file.empty() ? args->query : read_file(args->file);
      std::optional<graph::Store> store;
      if (args->graphs.empty()) {
        store.emplace(graph::StoreOptions{args->store, graph::StoreOptions::Mode::ReadOnly, false});
      } else {
        store.emplace(graph::StoreOptions{"", graph::StoreOptions::Mode::ReadWrite, true});
        for (const auto& file : args->graphs) {
          const auto quads = graph::parse_rdf_file(file, "file:" + file);
          store->add(quads);
        }
      }
      const ontology::IriMinter minter(base_or_stored(args->base, *store));
      const graph::QueryResult result = graph::run_query(*store, query, pipeline::output_prefixes(minter));
      const bool graph_result = result.kind == graph::QueryResult::Kind::Graph;
      std::cout << graph::format_result(result, parse_format(args->format, stdout_is_terminal(), graph_result));
      std::cout.flush();
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
