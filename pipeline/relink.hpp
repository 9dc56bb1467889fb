#pragma once
// Which articles built earlier link differently once this build's changed
// articles are in: every stored article's entities are resolved against
// everything known (entity_resolver.hpp), so a new article can change where
// an earlier one's names land (a name that becomes ambiguous, a longer name
// that now resolves a short one).
//
// Two ways to the same answer. With the store's entity index in use
// (entity_index.hpp) only the articles whose links can change are read and
// resolved again; without it (the first build, a store another command
// wrote since, changed records or catalogs, --force) every stored
// extraction is read and every entity resolved, and the index is made anew.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/store.hpp"
#include "loaders/to_rdf/entity_claims.hpp"
#include "loaders/to_rdf/entity_resolver.hpp"
#include "pipeline/entity_index.hpp"

namespace ng::pipeline {

struct Relinks {
  // The stored extractions read (every article's without the index; the
  // checked articles' with it); nothing for an article without one.
  std::map<std::string, std::optional<loaders::StoredExtraction>> stored;
  // Articles built earlier (not changed now) whose entities now link elsewhere.
  std::set<std::string> affected;
  // Stored articles without an extraction (built by an older newsgraph).
  std::size_t older = 0;
  bool incremental = false;  // by the index
  std::size_t checked = 0;   // stored articles whose entities were resolved again
  // What to keep for the next build (written by keep_index()); nothing: drop it.
  std::optional<EntityIndex> index;
};

// Teaches `resolver` every entity of the store and of this build, and finds
// the articles that relink. `changed`: the articles this build replaces;
// `claims`: their entities now. `use_index`: false forces the whole pass.
// `base`: the base IRI of this build.
Relinks find_relinks(const graph::Store& store, loaders::EntityResolver& resolver, const std::set<std::string>& changed,
                     const std::map<std::string, std::vector<loaders::EntityClaim>>& claims, bool use_index,
                     const std::string& base);

// Writes (or drops) the entity index in the store's write transaction: the
// last thing before the commit.
void keep_index(graph::Store& store, const Relinks& relinks, const std::string& base);

}  // namespace ng::pipeline
