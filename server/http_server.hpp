#pragma once
// `newsgraph serve`: the SPARQL endpoint over HTTP (cpp-httplib).
//
//   /sparql   the SPARQL 1.1 Protocol (endpoint.hpp)
//   /graph    the Graph Store Protocol's GET
//   /         a page to type a query and see the table
//
// Binds to 127.0.0.1 unless told otherwise; sends no CORS header unless
// given an origin; logs one line per request. Runs until SIGINT or SIGTERM.

#include <cstddef>
#include <string>

#include "server/endpoint.hpp"

namespace ng::server {

struct ServeOptions {
  EndpointOptions endpoint;
  std::string bind = "127.0.0.1";
  int port = 8080;               // 0: any free port (printed on start)
  std::size_t threads = 4;       // requests served at once
  std::size_t max_request_bytes = 64 * 1024;
  std::string cors_origin;       // empty: no Access-Control-* headers
};

// Serves until SIGINT or SIGTERM. Throws IoError when it cannot bind.
void serve(const ServeOptions& options);

}  // namespace ng::server
