#pragma once
// newsgraph's rasqal triples source: answers rasqal's triple-pattern
// matches from the store through StatementCursor. Patterns in the default
// graph see each triple once (however many article graphs hold it);
// patterns inside GRAPH see each (triple, graph) pair.
//
// All callbacks are noexcept and report failures to rasqal by return code.

#include <optional>

#include "graph/redland.hpp"
#include "graph/redland_store.hpp"

namespace ng::graph::detail {

// For rasqal_set_triples_source_factory(world, register_triples_source,
// native): the factory's user data must be the Store::Native*.
int register_triples_source(rasqal_triples_source_factory* factory) noexcept;

// Term of a rasqal literal (a result value); nothing for values that are
// not RDF terms.
std::optional<ontology::Term> to_term(rasqal_literal* literal);
// Term of a raptor term (a CONSTRUCT triple part).
ontology::Term to_term(const raptor_term* term);

}  // namespace ng::graph::detail
