#include <algorithm>
#include <thread>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "common/error.hpp"
#include "graph/store.hpp"
#include "ontology/iri_minter.hpp"
#include "pipeline/outputs.hpp"
#include "server/http_server.hpp"

namespace ng::cli {

namespace {

struct ServeArguments {
  std::string store;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string base;
  double timeout_seconds = 30;
  std::size_t max_rows = 100000;
  std::size_t max_request_kb = 64;
  std::size_t max_memory_mb = 1024;
  std::size_t threads = std::max(2U, std::thread::hardware_concurrency());
  std::string cors;
};

}  // namespace

void add_serve_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ServeArguments>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Answer SPARQL over HTTP (SPARQL 1.1 Protocol at /sparql, a query page at /), read-only");
  add_store_option(*cmd, args->store);
  cmd->add_option("--port", args->port, "TCP port (0: any free port, printed on start)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", args->bind, "address to listen on (0.0.0.0 for every interface: anyone who can reach it "
                                        "can read the store)")
      ->capture_default_str();
  add_base_option(*cmd, args->base, "base IRI the store was built with, for its prefixes and relative IRIs");
  cmd->add_option("--timeout", args->timeout_seconds, "seconds a query may run")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 1e6));
  cmd->add_option("--max-rows", args->max_rows, "rows (or triples) one result may have; more is an error, not a "
                                                "silently cut result")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));
  cmd->add_option("--max-request-kb", args->max_request_kb, "largest request body")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  cmd->add_option("--max-memory", args->max_memory_mb, "MB one query may hold for intermediate results")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{16}, std::size_t{1} << 30));
  cmd->add_option("--threads", args->threads, "queries answered at once (each opens the store on its own)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
  cmd->add_option("--cors", args->cors, "allow browser pages from ORIGIN (e.g. https://example.org) to query; none "
                                        "by default");
  cmd->callback([args, &action] {
    action = [args] {
      // Fail now, not at the first request, when there is no store; and
      // take the base the store was built with unless --base says otherwise.
      std::string base;
      {
        const graph::Store check = open_store_for_reading(args->store);
        base = base_or_stored(args->base, check);
      }
      const ontology::IriMinter minter(base);
      server::ServeOptions options;
      options.endpoint.store = args->store;
      options.endpoint.prefixes = pipeline::output_prefixes(minter);
      options.endpoint.base = base;
      options.endpoint.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(args->timeout_seconds * 1000));
      options.endpoint.max_rows = args->max_rows;
      options.endpoint.max_memory_bytes = args->max_memory_mb * 1024 * 1024;
      options.bind = args->bind;
      options.port = args->port;
      options.threads = args->threads;
      options.max_request_bytes = args->max_request_kb * 1024;
      options.cors_origin = args->cors;
      server::serve(options);
      return kExitOk;
    };
  });
}

}  // namespace ng::cli
