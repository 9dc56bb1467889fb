#pragma once
// Reads Turtle, N-Triples, N-Quads and TriG into quads with serd (RDF/XML
// with raptor), for the ontology, `newsgraph query --graph FILE`,
// `newsgraph evaluate --graph FILE` and user catalogs. Blank nodes keep the
// parser's labels, prefixed with "b".

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ontology/term.hpp"

namespace ng::graph {

enum class RdfSyntax { Turtle, NTriples, NQuads, TriG, RdfXml };

// The syntax of a file from its extension (.ttl .nt .nq .trig, .rdf .xml .owl
// for RDF/XML); Turtle else.
RdfSyntax syntax_for_path(std::string_view path);

// Throws ParseError (with line and column) on bad syntax; nothing is
// returned then, so a half-read document never reaches the store. Triples
// without a graph of their own go into `graph_name`.
std::vector<ontology::Quad> parse_rdf(std::string_view text, RdfSyntax syntax, const std::string& base_iri,
                                      const std::string& graph_name, const std::string& origin);

inline std::vector<ontology::Quad> parse_turtle(std::string_view text, const std::string& base_iri,
                                                const std::string& graph_name,
                                                const std::string& origin = "<turtle>") {
  return parse_rdf(text, RdfSyntax::Turtle, base_iri, graph_name, origin);
}

// Reads and parses a file (syntax from its extension). Throws IoError or ParseError.
std::vector<ontology::Quad> parse_rdf_file(const std::string& path, const std::string& graph_name);

// Reads a file a page at a time and hands its quads to `sink` in batches of
// at most `batch` quads (the sink may move them out), so that a file of any
// size needs memory for one batch, not for its quads. The same checks and
// the same quads as parse_rdf_file, but the sink has seen the quads before
// the error when ParseError (or IoError, or what the sink threw) comes:
// the caller keeps them all-or-nothing (newsgraph load: one store
// transaction, not committed on an error). RDF/XML is read whole (raptor),
// then handed on in batches.
void read_rdf_file(const std::string& path, const std::string& graph_name, std::size_t batch,
                   const std::function<void(std::vector<ontology::Quad>&)>& sink);

}  // namespace ng::graph
