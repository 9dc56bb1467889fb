#pragma once
// Writes the store as RDF files. Output is deterministic (sorted, triples
// present in several article graphs written once in the triple formats), so
// building the same input twice gives byte-identical files, and it is valid
// for independent parsers (rapper, serdi, rdflib).

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ng::graph {

class Store;

enum class RdfFormat { Turtle, NTriples, NQuads, TriG, RdfXml };

struct ExportOptions {
  // Prefixes to declare and abbreviate with (Turtle, TriG), in order.
  std::vector<std::pair<std::string, std::string>> prefixes;
};

// Throws IoError when the stream fails.
void export_rdf(const Store& store, RdfFormat format, std::ostream& out, const ExportOptions& options = {});
// Writes to `path` through a temporary file and a rename, so a reader never
// sees half a file.
void export_rdf_file(const Store& store, RdfFormat format, const std::string& path,
                     const ExportOptions& options = {});

}  // namespace ng::graph
