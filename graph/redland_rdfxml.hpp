#pragma once
// RDF/XML through raptor (newsgraph reads and writes N-Triples, N-Quads,
// Turtle and TriG itself or with serd; RDF/XML is the one format left to
// raptor). Output is "rdfxml-abbrev" (typed nodes, nesting) when every class
// IRI can be an XML element name, plain "rdfxml" otherwise. Both directions
// use a raptor world of their own: nothing of the store is needed.

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

// Reads an RDF/XML document (valid UTF-8, checked by the caller) into quads
// of `graph_name`, relative IRIs resolved against `base_iri`. Literals are
// put in NFC like every other reader's; blank node labels get the prefix
// "b". raptor may fetch nothing over the network or from other files.
// Throws ParseError (origin, raptor's line and column) on bad syntax;
// nothing is returned then.
std::vector<ontology::Quad> read_rdfxml(std::string_view text, const std::string& base_iri,
                                        const std::string& graph_name, const std::string& origin);

}  // namespace ng::graph::detail
