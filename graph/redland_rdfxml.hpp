#pragma once
// RDF/XML output through raptor (newsgraph writes N-Triples, N-Quads,
// Turtle and TriG itself or with serd; RDF/XML is the one format left to
// raptor): "rdfxml-abbrev" (typed nodes, nesting) when every class IRI can
// be an XML element name, plain "rdfxml" otherwise. Uses its own raptor
// world: nothing of the store is needed.

#include <ostream>
#include <span>

#include "graph/turtle_writer.hpp"
#include "ontology/term.hpp"

namespace ng::graph::detail {

// Writes `triples` (in the order given) as RDF/XML, declaring the
// prefixes whose namespace some IRI uses. Throws IoError with raptor's
// reason (for example a predicate IRI that cannot be split into a
// namespace and an XML local name).
void write_rdfxml(std::ostream& out, std::span<const ontology::Triple> triples, const PrefixList& prefixes);

}  // namespace ng::graph::detail
