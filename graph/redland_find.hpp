#pragma once
// Lookups in the store for graph/ code that speaks librdf nodes (DESCRIBE in
// sparql.cpp). The store itself is newsgraph's quad store
// (redland_quads.hpp): every triple pattern is one binary search in the
// index that starts with its bound parts, and the default graph reads as
// the set union of the named graphs (a triple in several article graphs
// comes once).

#include <vector>

#include "graph/redland.hpp"
#include "graph/redland_quads.hpp"
#include "graph/redland_store.hpp"

namespace ng::graph::detail {

// The triples of `subject` in any graph, each once (the concise bounded
// description's first step). `subject` is borrowed. Applies the store's
// pending changes first (Store::Native::compact).
std::vector<ontology::Triple> triples_about(Store::Native& native, librdf_node* subject);

}  // namespace ng::graph::detail
