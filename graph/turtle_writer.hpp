#pragma once
// Turtle and TriG output through serd (raptor 2.0.15 has no TriG writer,
// and its Turtle writer is 6x slower than its N-Triples one). newsgraph
// decides itself which IRIs become prefixed names -- only when the local
// part is a valid, conservative PN_LOCAL -- and which numbers may be
// written bare, because serd 0.30 abbreviates xsd:integer/decimal/boolean
// literals without checking their lexical form.
//
// Callers pass triples sorted by sort_for_turtle() (quads by graph first),
// so that serd groups each subject's predicates with ';' and ','.

#include <ostream>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "ontology/term.hpp"

namespace ng::graph {

using PrefixList = std::vector<std::pair<std::string, std::string>>;

// Sorts and removes repeats: by subject, rdf:type first, then predicate
// and object (readable Turtle, and the same bytes on every run).
void sort_for_turtle(std::vector<ontology::Triple>& triples);
// The same for quads, graph name first (TriG blocks).
void sort_for_trig(std::vector<ontology::Quad>& quads);

// Writes Turtle. Only the prefixes actually used are declared, in the
// given order. Throws IoError when the stream fails.
void write_turtle(std::ostream& out, std::span<const ontology::Triple> triples, const PrefixList& prefixes);
// Writes TriG: one block per named graph; quads with no graph name go in
// the default graph.
void write_trig(std::ostream& out, std::span<const ontology::Quad> quads, const PrefixList& prefixes);

}  // namespace ng::graph
