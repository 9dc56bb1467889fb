#include "graph/rdf_export.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "common/output_file.hpp"
#include "graph/redland_rdfxml.hpp"
#include "graph/store.hpp"
#include "graph/turtle_writer.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph {

namespace {

PrefixList export_prefixes(const ExportOptions& options) {
  if (!options.prefixes.empty()) return options.prefixes;
  PrefixList prefixes;
  for (const auto& [prefix, iri] : ontology::vocab::kPrefixes) prefixes.emplace_back(prefix, iri);
  return prefixes;
}

// N-Triples / N-Quads lines, sorted bytewise, each once. The spelling is
// to_ntriples(): the escapes the grammar requires, UTF-8 kept as is.
void write_lines(const Store& store, bool with_graph, std::ostream& out) {
  std::vector<std::string> lines;
  store.for_each_quad([&](const ontology::Quad& quad) {
    std::string line = ontology::to_ntriples(quad.subject);
    line += ' ';
    line += ontology::to_ntriples(quad.predicate);
    line += ' ';
    line += ontology::to_ntriples(quad.object);
    if (with_graph && !quad.graph_name.empty()) {
      line += ' ';
      line += ontology::to_ntriples(ontology::Term::iri(quad.graph_name));
    }
    line += " .\n";
    lines.push_back(std::move(line));
  });
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  for (const std::string& line : lines) out << line;
}

std::vector<ontology::Triple> distinct_triples(const Store& store) {
  std::vector<ontology::Triple> triples;
  store.for_each_quad([&](const ontology::Quad& quad) {
    triples.push_back({quad.subject, quad.predicate, quad.object});
  });
  sort_for_turtle(triples);
  return triples;
}

std::string_view format_name(RdfFormat format) {
  switch (format) {
    case RdfFormat::Turtle: return "Turtle";
    case RdfFormat::NTriples: return "N-Triples";
    case RdfFormat::NQuads: return "N-Quads";
    case RdfFormat::TriG: return "TriG";
    case RdfFormat::RdfXml: return "RDF/XML";
  }
  return "?";
}

}  // namespace

void export_rdf(const Store& store, RdfFormat format, std::ostream& out, const ExportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const PrefixList prefixes = export_prefixes(options);
  switch (format) {
    case RdfFormat::NTriples:
      write_lines(store, false, out);
      break;
    case RdfFormat::NQuads:
      write_lines(store, true, out);
      break;
    case RdfFormat::Turtle: {
      const std::vector<ontology::Triple> triples = distinct_triples(store);
      write_turtle(out, triples, prefixes);
      break;
    }
    case RdfFormat::RdfXml: {
      const std::vector<ontology::Triple> triples = distinct_triples(store);
      detail::write_rdfxml(out, triples, prefixes);
      break;
    }
    case RdfFormat::TriG: {
      std::vector<ontology::Quad> quads;
      store.for_each_quad([&](const ontology::Quad& quad) { quads.push_back(quad); });
      sort_for_trig(quads);
      write_trig(out, quads, prefixes);
      break;
    }
  }
  out.flush();
  if (!out) throw IoError(fmt::format("writing {} failed", format_name(format)));
  spdlog::debug("export: {} written in {} ms", format_name(format),
                std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                    .count());
}

void export_rdf_file(const Store& store, RdfFormat format, const std::string& path, const ExportOptions& options) {
  OutputFile file(path);
  try {
    export_rdf(store, format, file.stream(), options);
  } catch (const IoError&) {
    // The stream failed: say where and why, not only that it did.
    if (const auto reason = file.failure()) throw IoError(fmt::format("{}: cannot write: {}", path, *reason));
    throw;
  }
  file.commit();
}

}  // namespace ng::graph
