// run_query: the query's prefixes and base, the time and memory limits,
// and the store as the engine's quad source.
#include "graph/sparql.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "graph/sparql/engine.hpp"
#include "graph/sparql/parser.hpp"
#include "graph/sparql/store_quad_source.hpp"
#include "graph/store.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph {

namespace {

sparql::ParseOptions parse_options(const QueryOptions& options) {
  sparql::ParseOptions parse;
  parse.base = options.base;
  for (const auto& [prefix, iri] : ontology::vocab::kPrefixes) parse.prefixes.emplace_back(prefix, iri);
  for (const auto& entry : options.prefixes) parse.prefixes.push_back(entry);
  return parse;
}

// Keeps the whole result.
class Collector final : public ResultSink {
 public:
  explicit Collector(QueryResult& result) : result_(result) {}
  void begin_rows(const std::vector<std::string>& variables) override {
    result_.kind = QueryResult::Kind::Bindings;
    result_.variables = variables;
  }
  bool row(const std::vector<const ontology::Term*>& values) override {
    auto& row = result_.rows.emplace_back();
    row.reserve(values.size());
    for (const ontology::Term* v : values) row.push_back(v != nullptr ? std::optional<ontology::Term>(*v) : std::nullopt);
    return true;
  }
  void boolean(bool value) override {
    result_.kind = QueryResult::Kind::Boolean;
    result_.boolean = value;
  }
  void triples(const std::vector<ontology::Triple>& triples) override {
    result_.kind = QueryResult::Kind::Graph;
    result_.triples = triples;
  }

 private:
  QueryResult& result_;
};

}  // namespace

void run_query(const Store& store, std::string_view query, const QueryOptions& options, ResultSink& sink) {
  const auto started = std::chrono::steady_clock::now();
  const sparql::ParsedQuery parsed = sparql::parse_query(query, parse_options(options));
  sparql::EngineOptions engine;
  if (options.timeout.count() > 0) engine.deadline = started + options.timeout;
  engine.max_memory_bytes = options.max_memory_bytes;
  engine.default_graph = options.default_graph;
  engine.protocol_dataset = options.protocol_dataset;
  engine.default_graphs = options.default_graph_uris;
  engine.named_graphs = options.named_graph_uris;
  sparql::StoreQuadSource source(store, *parsed.terms);
  sparql::execute(parsed, source, engine, sink);
  spdlog::debug("sparql: {} terms, {} ms", parsed.terms->size(),
                std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
}

QueryResult run_query(const Store& store, std::string_view query, const QueryOptions& options) {
  QueryResult result;
  Collector collector(result);
  run_query(store, query, options, collector);
  return result;
}

QueryResult run_query(const Store& store, std::string_view query, const Prefixes& extra_prefixes) {
  QueryOptions options;
  options.prefixes = extra_prefixes;
  return run_query(store, query, options);
}

QueryInfo inspect_query(std::string_view query, const QueryOptions& options) {
  const sparql::ParsedQuery parsed = sparql::parse_query(query, parse_options(options));
  QueryInfo info;
  switch (parsed.query->form) {
    case sparql::QueryForm::Select: info.form = QueryInfo::Form::Select; break;
    case sparql::QueryForm::Ask: info.form = QueryInfo::Form::Ask; break;
    case sparql::QueryForm::Construct: info.form = QueryInfo::Form::Construct; break;
    case sparql::QueryForm::Describe: info.form = QueryInfo::Form::Describe; break;
  }
  for (sparql::TermId g : parsed.query->from) info.dataset.push_back(parsed.terms->term(g).value);
  for (sparql::TermId g : parsed.query->from_named) info.dataset.push_back(parsed.terms->term(g).value);
  return info;
}

}  // namespace ng::graph
