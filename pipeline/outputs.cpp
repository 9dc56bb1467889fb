#include "pipeline/outputs.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "common/error.hpp"
#include "common/output_file.hpp"
#include "graph/network/diagram.hpp"
#include "graph/rdf_export.hpp"
#include "graph/rdf_parse.hpp"
#include "ontology/ontology_text.hpp"
#include "ontology/vocabulary.hpp"

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

std::vector<std::string> write_outputs(const graph::Store& store, const ontology::IriMinter& minter,
                                       const std::string& out_dir, std::map<std::string, double>& stage_ms,
                                       const OutputOptions& options) {
  std::vector<std::string> files;
  if (!options.rdf && !options.diagram) return files;
  std::error_code error;
  fs::create_directories(out_dir, error);
  if (error) throw IoError(fmt::format("{}: cannot create output directory: {}", out_dir, error.message()));
  const fs::path dir(out_dir);
  const auto phase = [&](const std::string& what) {
    if (options.on_phase) options.on_phase(what);
  };
  graph::ExportOptions export_options;
  export_options.prefixes = output_prefixes(minter);

  if (options.rdf) {
    const std::string turtle = (dir / "graph.ttl").string();
    phase("writing " + turtle);
    timed(stage_ms, "turtle", [&] { graph::export_rdf_file(store, graph::RdfFormat::Turtle, turtle, export_options); });
    files.push_back(turtle);

    const std::string nquads = (dir / "graph.nq").string();
    phase("writing " + nquads);
    timed(stage_ms, "nquads", [&] { graph::export_rdf_file(store, graph::RdfFormat::NQuads, nquads, export_options); });
    files.push_back(nquads);

    const std::string ontology = (dir / "newsgraph.ttl").string();
    write_output_file(ontology, ontology::ontology_turtle());
    files.push_back(ontology);
  }

  if (options.diagram) {
    phase("drawing the diagram");
    timed(stage_ms, "diagram", [&] {
      // One picture, saved as DOT text and laid out as SVG.
      graph::network::DiagramOptions diagram_options;
      diagram_options.top = options.diagram_top;
      const graph::network::Diagram diagram = graph::network::make_diagram(store, diagram_options);
      for (const char* name : {"graph.dot", "graph.svg"}) {
        const std::string file = (dir / name).string();
        graph::network::write_diagram(diagram, file);
        files.push_back(file);
      }
    });
  }
  spdlog::info("wrote {} files to {} (Turtle {:.0f} ms, N-Quads {:.0f} ms, diagram {:.0f} ms)", files.size(),
               out_dir, stage_ms["turtle"], stage_ms["nquads"], stage_ms["diagram"]);
  return files;
}

std::vector<ontology::Quad> parse_ontology_quads() {
  return graph::parse_turtle(ontology::ontology_turtle(), std::string(v::newsgraph::kOntology),
                             std::string(v::newsgraph::kOntology));
}

}  // namespace ng::pipeline
