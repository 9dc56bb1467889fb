#include "pipeline/relink.hpp"

#include <algorithm>

#include "pipeline/stored_state.hpp"

namespace ng::pipeline {

namespace {

bool moved(const loaders::StoredExtraction& extraction, const loaders::EntityResolver& resolver) {
  return std::any_of(extraction.entities.begin(), extraction.entities.end(),
                     [&](const auto& claim) { return claim.iri != resolver.resolve(claim); });
}

void add_changed(EntityIndex& index, const std::set<std::string>& changed,
                 const std::map<std::string, std::vector<loaders::EntityClaim>>& claims) {
  for (const auto& [iri, found] : claims) {
    if (changed.count(iri)) index.add(iri, found);
  }
}

Relinks whole_store(const graph::Store& store, loaders::EntityResolver& resolver, const std::set<std::string>& changed,
                    const std::map<std::string, std::vector<loaders::EntityClaim>>& claims) {
  Relinks out;
  out.stored = load_extractions(store);
  EntityIndex index = EntityIndex::fresh();
  for (const auto& [iri, extraction] : out.stored) {
    if (changed.count(iri)) continue;
    if (!extraction) {
      ++out.older;
      continue;
    }
    index.add(iri, extraction->entities);
  }
  add_changed(index, changed, claims);
  index.teach(resolver);
  for (const auto& [iri, extraction] : out.stored) {
    if (changed.count(iri) || !extraction) continue;
    ++out.checked;
    if (moved(*extraction, resolver)) out.affected.insert(iri);
  }
  // An article without an extraction cannot be indexed: until it is built
  // again, every build takes the whole pass (and warns).
  if (out.older == 0) out.index = std::move(index);
  return out;
}

Relinks by_index(const graph::Store& store, loaders::EntityResolver& resolver, EntityIndex index,
                 const std::set<std::string>& changed,
                 const std::map<std::string, std::vector<loaders::EntityClaim>>& claims) {
  Relinks out;
  out.incremental = true;
  for (const auto& iri : changed) {
    if (std::optional<loaders::StoredExtraction> before = stored_extraction(store, iri)) {
      index.withdraw(iri, before->entities);
    }
  }
  add_changed(index, changed, claims);
  index.teach(resolver);
  for (const auto& iri : index.articles_at(store, index.nodes_to_check())) {
    if (changed.count(iri)) continue;
    std::optional<loaders::StoredExtraction> extraction = stored_extraction(store, iri);
    if (extraction) {
      ++out.checked;
      if (moved(*extraction, resolver)) out.affected.insert(iri);
    }
    out.stored.emplace(iri, std::move(extraction));
  }
  out.index = std::move(index);
  return out;
}

}  // namespace

Relinks find_relinks(const graph::Store& store, loaders::EntityResolver& resolver, const std::set<std::string>& changed,
                     const std::map<std::string, std::vector<loaders::EntityClaim>>& claims, bool use_index,
                     const std::string& base) {
  if (use_index) {
    if (std::optional<EntityIndex> index = EntityIndex::load(store, base)) {
      return by_index(store, resolver, std::move(*index), changed, claims);
    }
  }
  return whole_store(store, resolver, changed, claims);
}

void keep_index(graph::Store& store, const Relinks& relinks, const std::string& base) {
  if (relinks.index) relinks.index->write(store, base);
  else EntityIndex::drop(store);
}

}  // namespace ng::pipeline
