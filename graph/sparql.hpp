#pragma once
// SPARQL 1.1 queries over the store: SELECT, ASK, CONSTRUCT and DESCRIBE,
// evaluated by newsgraph's own engine (graph/sparql/: parser, algebra,
// operators), with the results written in the W3C formats.
//
// The default graph is the set union of the store's named graphs (each
// triple once); GRAPH ?g sees each graph; FROM / FROM NAMED pick graphs of
// the store. Refused with a QueryError that says why: SPARQL Update (the
// store is built by `newsgraph build`), SERVICE, functions newsgraph does
// not know, undeclared prefixes; syntax errors name their line and column.
//
// Not thread-safe: a Store and the queries on it belong to one thread.

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ontology/term.hpp"

namespace ng::graph {

class Store;

enum class ResultFormat { Table, Csv, Tsv, Json, Xml, Turtle, NTriples, RdfXml };

using Prefixes = std::vector<std::pair<std::string, std::string>>;

struct QueryOptions {
  // Prefixes the query may use without declaring them (vocab::kPrefixes
  // are always there); a PREFIX in the query wins.
  Prefixes prefixes;
  // The base IRI for relative IRIs in the query (BASE in the query wins).
  std::string base;
  // Wall-clock limit; zero: none.
  std::chrono::milliseconds timeout{0};
  // Memory the engine may hold for intermediate results (hash tables,
  // groups, sorting, DISTINCT, the terms it has seen).
  std::size_t max_memory_bytes = std::size_t{4} << 30;
  // Empty (a store): the default graph is the union of all graphs. Else
  // the store graph that holds the default graph's triples, the others
  // being the named graphs (RDF files, see sparql_files.hpp). FROM and
  // FROM NAMED in the query win.
  std::string default_graph;
  // The SPARQL Protocol's default-graph-uri and named-graph-uri: when
  // given, they are the dataset, whatever FROM and FROM NAMED say.
  bool protocol_dataset = false;
  std::vector<std::string> default_graph_uris, named_graph_uris;
};

// Receives results as they are found (see graph/sparql/engine.hpp).
class ResultSink {
 public:
  virtual ~ResultSink() = default;
  virtual void begin_rows(const std::vector<std::string>& variables) = 0;
  // A SELECT row, null for unbound; false stops the query.
  virtual bool row(const std::vector<const ontology::Term*>& values) = 0;
  virtual void boolean(bool value) = 0;
  virtual void triples(const std::vector<ontology::Triple>& triples) = 0;
  virtual void finish() {}
};

// Runs a query, streaming its results into `sink`. Throws QueryError
// (syntax, refused feature, out of time or memory) or StoreError.
void run_query(const Store& store, std::string_view query, const QueryOptions& options, ResultSink& sink);

struct QueryResult {
  enum class Kind { Bindings, Boolean, Graph };
  Kind kind = Kind::Bindings;
  std::vector<std::string> variables;                            // Bindings
  std::vector<std::vector<std::optional<ontology::Term>>> rows;  // Bindings; nullopt = unbound
  bool boolean = false;                                          // Boolean
  std::vector<ontology::Triple> triples;                         // Graph (CONSTRUCT, DESCRIBE)
};

// Runs a query and keeps the whole result (for small results and tests).
QueryResult run_query(const Store& store, std::string_view query, const QueryOptions& options);
QueryResult run_query(const Store& store, std::string_view query, const Prefixes& extra_prefixes = {});

// What a query is, found by parsing it (no data is read): its form, and
// the graph IRIs its FROM and FROM NAMED clauses name (resolved against
// options.base), so that `newsgraph query --graph` can read local files
// they name, and a server can choose a format or refuse file: IRIs, before
// the query runs. Throws QueryError for a query run_query would refuse.
struct QueryInfo {
  enum class Form { Select, Ask, Construct, Describe };
  Form form = Form::Select;
  std::vector<std::string> dataset;
  bool graph_result() const noexcept { return form == Form::Construct || form == Form::Describe; }
};
QueryInfo inspect_query(std::string_view query, const QueryOptions& options);

// A sink that writes results in a format as they come. Table (for people:
// aligned, widths from the first rows), W3C CSV/TSV/JSON/XML (ASK as JSON,
// XML, or one line in CSV/TSV), Turtle/N-Triples/RDF/XML for graphs.
// Writing a result in a format that does not fit it throws QueryError.
std::unique_ptr<ResultSink> make_result_writer(ResultFormat format, std::ostream& out);

// The whole result in a format (the writer over a QueryResult).
std::string format_result(const QueryResult& result, ResultFormat format);

}  // namespace ng::graph
