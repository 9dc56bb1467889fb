#pragma once
// The SPARQL 1.1 Protocol over a store, apart from HTTP itself (http_server
// carries requests in and responses out, so that this part is tested
// without sockets):
//
//   query     GET ?query=... | POST application/x-www-form-urlencoded
//             (query=...) | POST application/sparql-query (the query as
//             the body); default-graph-uri / named-graph-uri pick graphs
//   graphs    the Graph Store Protocol's GET: ?graph=IRI or ?default
//
// Read-only: SPARQL Update (update=, application/sparql-update, or an
// Update in the query), SERVICE and file: IRIs are refused with 400 and a
// sentence saying why. Every request reads the last committed state, even
// while a build runs, through its thread's own read-only store
// (store_pool.hpp): threads never share Redland objects, so query() and
// graph() may be called from many threads at once.

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "graph/sparql.hpp"

namespace ng::server {

struct EndpointOptions {
  std::string store;                      // the store directory
  graph::Prefixes prefixes;               // predeclared for queries (the store's entity prefixes)
  std::string base;                       // base IRI of relative IRIs in queries
  std::chrono::milliseconds timeout{30000};
  std::size_t max_rows = 100000;          // rows (or triples) in one result
  std::size_t max_memory_bytes = std::size_t{1} << 30;
};

struct Request {
  std::string method;  // GET, POST
  std::multimap<std::string, std::string> parameters;  // from the URL (and a form body)
  std::string content_type;  // media type only, lower case
  std::string accept;
  std::string body;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  std::size_t rows = 0;  // rows or triples written, for the log
  std::string summary;   // a few words for the log ("SELECT 12 rows", "error: ...")
};

class Endpoint {
 public:
  explicit Endpoint(EndpointOptions options);

  // /sparql
  Response query(const Request& request) const;
  // /graph (Graph Store Protocol, GET only)
  Response graph(const Request& request) const;

  const EndpointOptions& options() const noexcept { return options_; }

 private:
  Response run(const std::string& text, const Request& request, const std::vector<std::string>& default_graphs,
               const std::vector<std::string>& named_graphs) const;

  EndpointOptions options_;
};

}  // namespace ng::server
