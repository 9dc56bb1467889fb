#include "server/endpoint.hpp"

#include <sstream>

#include <fmt/format.h>

#include "common/error.hpp"
#include "graph/store.hpp"
#include "server/negotiation.hpp"
#include "server/store_pool.hpp"

namespace ng::server {

namespace {

Response error(int status, std::string message) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.summary = "error: " + message;
  r.body = std::move(message) + "\n";
  return r;
}

std::vector<std::string> all(const std::multimap<std::string, std::string>& parameters, const std::string& name) {
  std::vector<std::string> values;
  const auto [first, last] = parameters.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

const std::string* one(const std::multimap<std::string, std::string>& parameters, const std::string& name) {
  const auto it = parameters.find(name);
  return it == parameters.end() ? nullptr : &it->second;
}

bool is_file_iri(const std::string& iri) {
  return iri.size() >= 5 && (iri[0] == 'f' || iri[0] == 'F') && iri.substr(1, 4) == "ile:";
}

constexpr std::string_view kUpdateRefused =
    "SPARQL Update is not supported: this endpoint is read-only (the store is built with `newsgraph build`)";

// Writes into a buffer, and stops the query at the row cap.
class CappedWriter final : public graph::ResultSink {
 public:
  CappedWriter(graph::ResultFormat format, std::size_t cap) : writer_(graph::make_result_writer(format, out_)), cap_(cap) {}
  void begin_rows(const std::vector<std::string>& variables) override { writer_->begin_rows(variables); }
  bool row(const std::vector<const ontology::Term*>& values) override {
    if (++rows_ > cap_) {
      over_ = true;
      return false;
    }
    return writer_->row(values);
  }
  void boolean(bool value) override {
    rows_ = 1;
    writer_->boolean(value);
  }
  void triples(const std::vector<ontology::Triple>& triples) override {
    rows_ = triples.size();
    if (rows_ > cap_) {
      over_ = true;
      return;
    }
    writer_->triples(triples);
  }
  void finish() override {
    if (!over_) writer_->finish();
  }
  bool over() const noexcept { return over_; }
  std::size_t rows() const noexcept { return rows_; }
  std::string text() const { return out_.str(); }

 private:
  std::ostringstream out_;
  std::unique_ptr<graph::ResultSink> writer_;
  std::size_t cap_;
  std::size_t rows_ = 0;
  bool over_ = false;
};

}  // namespace

Endpoint::Endpoint(EndpointOptions options) : options_(std::move(options)) {}

Response Endpoint::query(const Request& request) const {
  if (request.method != "GET" && request.method != "POST") {
    return error(405, "the SPARQL endpoint answers GET and POST");
  }
  if (one(request.parameters, "update") != nullptr || request.content_type == "application/sparql-update") {
    return error(400, std::string(kUpdateRefused));
  }
  std::string text;
  if (request.method == "POST" && request.content_type == "application/sparql-query") {
    text = request.body;
  } else if (request.method == "POST" && !request.content_type.empty() &&
             request.content_type != "application/x-www-form-urlencoded") {
    return error(415, fmt::format("a query is sent as application/x-www-form-urlencoded or application/sparql-query, "
                                  "not {}",
                                  request.content_type));
  } else {
    const auto queries = all(request.parameters, "query");
    if (queries.empty()) return error(400, "no query: send ?query=... (GET), or POST a form or application/sparql-query");
    if (queries.size() > 1) return error(400, "more than one query parameter");
    text = queries[0];
  }
  return run(text, request, all(request.parameters, "default-graph-uri"), all(request.parameters, "named-graph-uri"));
}

Response Endpoint::graph(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    return error(405, "the graph store is read-only: GET a graph (?graph=IRI or ?default)");
  }
  std::string text;
  const std::string* name = one(request.parameters, "graph");
  if (name != nullptr) {
    if (name->find_first_of("<>\"{}|^`\\ \n\r\t") != std::string::npos) return error(400, "not a graph IRI: " + *name);
    text = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + *name + "> { ?s ?p ?o } }";
  } else if (request.parameters.contains("default")) {
    text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
  } else {
    return error(400, "name a graph: ?graph=IRI, or ?default for the union of all graphs");
  }
  if (name != nullptr) {
    // 404 for a graph the store does not have, rather than an empty graph.
    try {
      if (!latest_store(options_.store).has_graph(*name)) return error(404, "no graph <" + *name + "> in the store");
    } catch (const Error& e) {
      return error(500, e.what());
    }
  }
  return run(text, request, {}, {});
}

Response Endpoint::run(const std::string& text, const Request& request, const std::vector<std::string>& default_graphs,
                       const std::vector<std::string>& named_graphs) const {
  graph::QueryOptions options;
  options.prefixes = options_.prefixes;
  options.base = options_.base;
  options.timeout = options_.timeout;
  options.max_memory_bytes = options_.max_memory_bytes;
  if (!default_graphs.empty() || !named_graphs.empty()) {
    options.protocol_dataset = true;
    options.default_graph_uris = default_graphs;
    options.named_graph_uris = named_graphs;
  }
  graph::QueryInfo info;
  try {
    info = graph::inspect_query(text, options);
  } catch (const QueryError& e) {
    const std::string message = e.what();
    if (message.starts_with("SPARQL Update is not supported")) return error(400, std::string(kUpdateRefused));
    return error(400, message);
  }
  std::vector<std::string> dataset = info.dataset;
  dataset.insert(dataset.end(), default_graphs.begin(), default_graphs.end());
  dataset.insert(dataset.end(), named_graphs.begin(), named_graphs.end());
  for (const std::string& iri : dataset) {
    if (is_file_iri(iri)) {
      return error(400, fmt::format("<{}>: file: IRIs are not allowed here: the endpoint reads only its store", iri));
    }
  }
  const std::string* format_parameter = one(request.parameters, "format");
  const auto format = negotiate(request.accept, format_parameter != nullptr ? *format_parameter : "", info.graph_result());
  if (!format) {
    return error(406, info.graph_result()
                          ? "a graph result is available as text/turtle, application/n-triples or application/rdf+xml"
                          : "a table result is available as application/sparql-results+json, "
                            "application/sparql-results+xml, text/csv or text/tab-separated-values");
  }
  CappedWriter writer(*format, options_.max_rows);
  try {
    graph::run_query(latest_store(options_.store), text, options, writer);
  } catch (const QueryError& e) {
    const std::string message = e.what();
    return error(message.starts_with("the query ran out of time") ? 503 : 400, message);
  } catch (const Error& e) {
    return error(500, e.what());
  }
  if (writer.over()) {
    return error(400, fmt::format("the result has more than {} {} (the server's --max-rows): add LIMIT, or page "
                                  "with LIMIT and OFFSET",
                                  options_.max_rows, info.graph_result() ? "triples" : "rows"));
  }
  Response response;
  response.content_type = std::string(media_type(*format));
  response.body = writer.text();
  response.rows = writer.rows();
  static constexpr std::string_view kForms[] = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"};
  response.summary = fmt::format("{} {} {}", kForms[static_cast<int>(info.form)], writer.rows(),
                                 info.graph_result() ? "triples" : (info.form == graph::QueryInfo::Form::Ask ? "answer" : "rows"));
  return response;
}

}  // namespace ng::server
