#pragma once
// RDF/XML through raptor (newsgraph reads and writes N-Triples, N-Quads,
// Turtle and TriG itself or with serd; RDF/XML is the one format left to
// raptor). Reading: a user's catalog or a --graph file in RDF/XML. Writing: "rdfxml-abbrev" (typed nodes, nesting) when every class IRI can
// be an XML element name, plain "rdfxml" otherwise. Uses its own raptor
// world: nothing of the store is needed.

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/turtle_writer.hpp"
#include "ontology/term.hpp"

namespace ng::graph::detail {

// Writes `triples` (in the order given) as RDF/XML, declaring the
// prefixes whose namespace some IRI uses. Throws IoError with raptor's
// reason (for example a predicate IRI that cannot be split into a
// namespace and an XML local name).
void write_rdfxml(std::ostream& out, std::span<const ontology::Triple> triples, const PrefixList& prefixes);

// Parses RDF/XML into quads in `graph_name`; blank nodes get labels starting
// with "x" (serd's get "b"), so two documents never share one. Throws
// ParseError naming `origin`, with raptor's line and column, on bad input;
// nothing is returned then.
std::vector<ontology::Quad> parse_rdfxml(std::string_view text, const std::string& base_iri,
                                         const std::string& graph_name, const std::string& origin);

}  // namespace ng::graph::detail
