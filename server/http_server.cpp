#include "server/http_server.hpp"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "server/page.hpp"

namespace ng::server {

namespace {

// The start of the request this thread is serving, for the log line.
thread_local std::chrono::steady_clock::time_point request_started;
thread_local std::string request_summary;

Request to_request(const httplib::Request& in) {
  Request out;
  out.method = in.method;
  for (const auto& [name, value] : in.params) out.parameters.emplace(name, value);
  std::string type = in.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c) != 0; }), type.end());
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  out.content_type = type;
  out.accept = in.get_header_value("Accept");
  out.body = in.body;
  return out;
}

void answer(const Response& from, httplib::Response& to) {
  to.status = from.status;
  to.set_content(from.body, from.content_type.c_str());
  request_summary = from.summary;
}

}  // namespace

void serve(const ServeOptions& options) {
  // SIGINT and SIGTERM are waited for below, in this thread only: blocked
  // here before any thread starts, so that the server's threads inherit
  // the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const Endpoint endpoint(options.endpoint);
  httplib::Server server;
  const std::size_t threads = std::max<std::size_t>(1, options.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(options.max_request_bytes);

  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    request_summary.clear();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_post_routing_handler([&options](const httplib::Request&, httplib::Response& response) {
    if (!options.cors_origin.empty()) {
      response.set_header("Access-Control-Allow-Origin", options.cors_origin);
      response.set_header("Vary", "Origin");
    }
  });
  server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                          request_started)
                        .count();
    spdlog::info("{} {} {} {} {} ms {}", request.remote_addr, request.method, request.path, response.status, ms,
                 request_summary);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
    std::string message = "internal error";
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      message = std::string("internal error: ") + e.what();
    } catch (...) {
    }
    response.status = 500;
    response.set_content(message + "\n", "text/plain; charset=utf-8");
    request_summary = message;
  });

  const auto sparql = [&endpoint](const httplib::Request& request, httplib::Response& response) {
    answer(endpoint.query(to_request(request)), response);
  };
  server.Get("/sparql", sparql);
  server.Post("/sparql", sparql);
  const auto graphs = [&endpoint](const httplib::Request& request, httplib::Response& response) {
    answer(endpoint.graph(to_request(request)), response);
  };
  server.Get("/graph", graphs);
  const auto read_only = [](const httplib::Request&, httplib::Response& response) {
    Response refused;
    refused.status = 405;
    refused.content_type = "text/plain; charset=utf-8";
    refused.body = "the graph store is read-only: the store is built with `newsgraph build`\n";
    refused.summary = "refused: write to the graph store";
    answer(refused, response);
  };
  server.Put("/graph", read_only);
  server.Post("/graph", read_only);
  server.Delete("/graph", read_only);
  server.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(query_page()), "text/html; charset=utf-8");
    request_summary = "page";
  });
  if (!options.cors_origin.empty()) {
    server.Options("/sparql", [](const httplib::Request&, httplib::Response& response) {
      response.status = 204;
      response.set_header("Access-Control-Allow-Methods", "GET, POST");
      response.set_header("Access-Control-Allow-Headers", "Content-Type, Accept");
    });
  }

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.bind);
    if (port < 0) throw IoError(fmt::format("cannot listen on {}: no free port", options.bind));
  } else if (!server.bind_to_port(options.bind, port)) {
    throw IoError(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", options.bind, port));
  }
  spdlog::info("newsgraph serve: http://{}:{}/sparql (store {}, {} threads, {} s per query, {} rows at most){}",
               options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind, port,
               options.endpoint.store, threads, static_cast<double>(options.endpoint.timeout.count()) / 1000.0,
               options.endpoint.max_rows, options.cors_origin.empty() ? "" : ", CORS for " + options.cors_origin);

  std::thread listener([&server] { server.listen_after_bind(); });
  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("newsgraph serve: stopping ({})", received == SIGINT ? "SIGINT" : "SIGTERM");
  server.stop();
  listener.join();
}

}  // namespace ng::server
