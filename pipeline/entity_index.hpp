#pragma once
// What a build keeps of every stored article's entities, so that the next
// build need not read them all: the resolver's facts (EntityResolver::Fact,
// each with the number of stored articles' claims that teach it), and for
// each node a claim's resolution starts from, the articles with such a
// claim. Kept in the store's side table "entity-index" (graph/store.hpp), in
// the build's own write transaction, stamped with that transaction's id.
//
// When it is used: only when its stamp is the store's last commit (no
// other writer - `remove`, `load`, an older newsgraph - changed the store
// since the build that wrote it; `analyze`, whose metrics touch no
// article, stamps it again with its own commit), and the build changes no
// records or catalog (the curated entities are then those the index was
// made under). Otherwise the build reads every stored extraction, as it
// always did, and writes the index anew.
//
// Why it finds every article that relinks. An article's entity links where
// its claim's start node resolves (or to a curated entity, which does not
// change here). A node's resolution reads only its own facts and the
// resolution of the nodes those facts point to (entity_resolver.hpp). So
// when a build withdraws the claims of its changed articles and adds their
// new ones, a node can resolve differently only if its own facts changed
// (its smallest spelling, its set of owners, its set of full names), or if
// it reaches such a node through facts (old or new). nodes_to_check() is
// that set; the articles with a claim starting at one of them are the only
// ones to check (the build resolves their claims and maps again those whose
// IRIs moved); every other article keeps its links, as a clean build would
// give them.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/store.hpp"
#include "loaders/to_rdf/entity_claims.hpp"
#include "loaders/to_rdf/entity_resolver.hpp"

namespace ng::pipeline {

class EntityIndex {
 public:
  using Fact = loaders::EntityResolver::Fact;

  // The store's index when it describes the store as it is (above) and was
  // made with the same base IRI (it mints the IRIs entities resolve to);
  // nothing otherwise.
  static std::optional<EntityIndex> load(const graph::Store& store, const std::string& base);
  // An index to fill from every stored article (then write() replaces the store's).
  static EntityIndex fresh();

  // An article's claims leave the store (its graph is about to be replaced).
  void withdraw(const std::string& article, const std::vector<loaders::EntityClaim>& claims);
  // An article's claims, stored or about to be.
  void add(const std::string& article, const std::vector<loaders::EntityClaim>& claims);

  // Teaches the resolver every fact some stored or added claim teaches.
  void teach(loaders::EntityResolver& resolver) const;
  // The nodes whose resolution may have changed since load() (above).
  std::set<std::string> nodes_to_check() const;
  // The stored articles with a claim starting at one of `nodes` (as loaded).
  std::set<std::string> articles_at(const graph::Store& store, const std::set<std::string>& nodes) const;

  // Writes the changes since load() (or everything, for fresh()), stamped
  // with the store's transaction; call last before the commit.
  void write(graph::Store& store, const std::string& base) const;
  // A commit that changes no article (only the input records): the index
  // stays true, and is stamped again so that it stays in use.
  static void carry_over(graph::Store& store, bool was_valid);
  // Whether the store's index is in use now (stamped with the last commit).
  static bool valid(const graph::Store& store);
  // Drops the store's index: the next build reads every extraction.
  static void drop(graph::Store& store);

  std::size_t facts_loaded() const noexcept { return loaded_.size(); }

 private:
  EntityIndex() = default;
  void change(const Fact& fact, std::int64_t by);
  void check_key(const std::string& node, const std::string& value);
  // The values of a node's facts of one kind that some claim teaches: as
  // loaded, or now.
  std::set<std::string> values(char kind, const std::string& node, bool now) const;

  bool whole_ = false;                   // fresh(): write() replaces everything
  bool complete_ = true;                 // false: a name the store cannot key; the index is dropped
  std::map<Fact, std::int64_t> loaded_;  // fact -> claims teaching it, as load() read them
  std::map<Fact, std::int64_t> delta_;   // fact -> change since
  // Articles by number (a build of 100,000 articles makes ~2.6 million
  // start entries: an IRI each would take ~400 MB), and per start node the
  // articles added and withdrawn.
  std::uint32_t article_number(const std::string& article);
  using Starts = std::map<std::string, std::vector<std::uint32_t>>;
  std::vector<std::string> articles_;
  std::unordered_map<std::string, std::uint32_t> numbers_;
  Starts starts_added_, starts_withdrawn_;
};

}  // namespace ng::pipeline
