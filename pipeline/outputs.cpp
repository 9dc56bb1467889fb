#include "pipeline/outputs.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <thread>

#include "common/error.hpp"
#include "common/output_file.hpp"
#include "graph/network/diagram.hpp"
#include "graph/rdf_export.hpp"
#include "graph/rdf_parse.hpp"
#include "ontology/ontology_text.hpp"
#include "ontology/vocabulary.hpp"
#include "pipeline/stage_clock.hpp"

namespace ng::pipeline {

namespace {

namespace fs = std::filesystem;
namespace v = ontology::vocab;
using Clock = std::chrono::steady_clock;

template <class F>
void timed(std::map<std::string, double>& stage_ms, const std::string& name, F&& f) {
  const auto start = Clock::now();
  f();
  stage_ms[name] = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> output_prefixes(const ontology::IriMinter& minter) {
  std::vector<std::pair<std::string, std::string>> prefixes;
  for (const auto& [prefix, ns] : v::kPrefixes) prefixes.emplace_back(prefix, ns);
  prefixes.emplace_back("person", minter.person_namespace());
  prefixes.emplace_back("organization", minter.organization_namespace());
  prefixes.emplace_back("place", minter.place_namespace());
  prefixes.emplace_back("article", minter.article_namespace());
  prefixes.emplace_back("statement", minter.statement_namespace());
  prefixes.emplace_back("role", minter.role_namespace());
  return prefixes;
}

std::vector<std::string> output_paths(const std::string& out_dir, const OutputOptions& options) {
  const fs::path dir(out_dir);
  std::vector<std::string> paths;
  if (options.rdf) {
    for (const char* name : {"graph.ttl", "graph.nq", "newsgraph.ttl"}) paths.push_back((dir / name).string());
  }
  if (options.diagram) {
    for (const char* name : {"graph.dot", "graph.svg"}) paths.push_back((dir / name).string());
  }
  return paths;
}

namespace {

// One of the output files (or a few written together), and how to write it
// from a store.
struct FileWriter {
  std::string stage;  // its time's name in stage_ms
  std::string phase;  // what the progress display says
  std::vector<std::string> files;
  std::function<void(const graph::Store&)> write;
};

std::vector<FileWriter> file_writers(const ontology::IriMinter& minter, const fs::path& dir,
                                     const OutputOptions& options) {
  std::vector<FileWriter> writers;
  graph::ExportOptions export_options;
  export_options.prefixes = output_prefixes(minter);
  if (options.rdf) {
    const std::string turtle = (dir / "graph.ttl").string();
    writers.push_back({"turtle", "writing " + turtle, {turtle}, [turtle, export_options](const graph::Store& store) {
                         graph::export_rdf_file(store, graph::RdfFormat::Turtle, turtle, export_options);
                       }});
    const std::string nquads = (dir / "graph.nq").string();
    const std::string ontology = (dir / "newsgraph.ttl").string();
    writers.push_back({"nquads", "writing " + nquads, {nquads, ontology},
                       [nquads, ontology, export_options](const graph::Store& store) {
                         graph::export_rdf_file(store, graph::RdfFormat::NQuads, nquads, export_options);
                         write_output_file(ontology, ontology::ontology_turtle());
                       }});
  }
  if (options.diagram) {
    const std::string dot = (dir / "graph.dot").string();
    const std::string svg = (dir / "graph.svg").string();
    writers.push_back({"diagram", "drawing the diagram", {dot, svg}, [dot, svg, top = options.diagram_top](
                                                                          const graph::Store& store) {
                         // One picture, saved as DOT text and laid out as SVG.
                         graph::network::DiagramOptions diagram_options;
                         diagram_options.top = top;
                         const graph::network::Diagram diagram = graph::network::make_diagram(store, diagram_options);
                         graph::network::write_diagram(diagram, dot);
                         graph::network::write_diagram(diagram, svg);
                       }});
  }
  return writers;
}

// The writers on two threads, one per core of the machines newsgraph is
// measured on: the first writer (the Turtle file, the longest) on one, the
// others one after the other on the second. A third thread would add its
// writer's memory to the peak and no core. Each thread reads through a
// read-only Store of its own, opened and closed on this thread (each makes
// a librdf world). A writer that fails does not stop the next one on its
// thread.
void write_at_once(const graph::Store& store, const std::vector<FileWriter>& writers,
                   std::map<std::string, double>& stage_ms) {
  constexpr std::size_t kThreads = 2;
  const std::size_t lanes = std::min(kThreads, writers.size());
  std::vector<std::optional<graph::Store>> readers(lanes);
  for (auto& reader : readers) {
    reader.emplace(graph::StoreOptions{store.path(), graph::StoreOptions::Mode::ReadOnly, false});
  }
  std::vector<std::exception_ptr> failures(writers.size());
  std::vector<double> ms(writers.size(), 0.0);
  {
    std::vector<std::jthread> threads;
    threads.reserve(lanes);
    for (std::size_t lane = 0; lane < lanes; ++lane) {
      threads.emplace_back([&, lane] {
        const std::size_t first = lane == 0 ? 0 : 1;
        const std::size_t end = lane == 0 ? 1 : writers.size();
        for (std::size_t i = first; i < end; ++i) {
          const auto start = Clock::now();
          const double cpu = thread_cpu_ms();
          try {
            writers[i].write(*readers[lane]);
          } catch (...) {
            failures[i] = std::current_exception();
          }
          ms[i] = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
          spdlog::debug("{}: {:.0f} ms, {:.0f} ms of CPU", writers[i].phase, ms[i], thread_cpu_ms() - cpu);
        }
      });
    }
  }  // joined
  readers.clear();
  for (std::size_t i = 0; i < writers.size(); ++i) stage_ms[writers[i].stage] = ms[i];
  std::exception_ptr first;
  for (const auto& failure : failures) {
    if (!failure) continue;
    if (!first) {
      first = failure;
      continue;
    }
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      spdlog::error("{}", e.what());
    }
  }
  if (first) std::rethrow_exception(first);
}

}  // namespace

std::vector<std::string> write_outputs(const graph::Store& store, const ontology::IriMinter& minter,
                                       const std::string& out_dir, std::map<std::string, double>& stage_ms,
                                       const OutputOptions& options) {
  std::vector<std::string> files;
  if (!options.rdf && !options.diagram) return files;
  std::error_code error;
  fs::create_directories(out_dir, error);
  if (error) throw IoError(fmt::format("{}: cannot create output directory: {}", out_dir, error.message()));
  const auto phase = [&](const std::string& what) {
    if (options.on_phase) options.on_phase(what);
  };
  const std::vector<FileWriter> writers = file_writers(minter, fs::path(out_dir), options);
  const bool at_once = options.parallel && store.persistent() && writers.size() > 1;
  if (at_once) {
    phase(fmt::format("writing {} files to {}", output_paths(out_dir, options).size(), out_dir));
    write_at_once(store, writers, stage_ms);
  } else {
    for (const auto& writer : writers) {
      phase(writer.phase);
      timed(stage_ms, writer.stage, [&] { writer.write(store); });
    }
  }
  for (const auto& writer : writers) files.insert(files.end(), writer.files.begin(), writer.files.end());
  spdlog::info("wrote {} files to {}{} (Turtle {:.0f} ms, N-Quads {:.0f} ms, diagram {:.0f} ms)", files.size(),
               out_dir, at_once ? " at the same time" : "", stage_ms["turtle"], stage_ms["nquads"],
               stage_ms["diagram"]);
  return files;
}

std::vector<ontology::Quad> parse_ontology_quads() {
  return graph::parse_turtle(ontology::ontology_turtle(), std::string(v::newsgraph::kOntology),
                             std::string(v::newsgraph::kOntology));
}

}  // namespace ng::pipeline
