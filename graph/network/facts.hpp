#pragma once
// What the network views are made of, read from the store with SPARQL: the
// entities, the statements (who said what about whom), which articles and
// sentences mention which entities, and the roles people hold. Reading is
// separate from assembling the views (views.hpp) so that views can be tested
// on facts written by hand, and so that a combined view reads the store once.
//
// The queries are deliberately small (one or two triple patterns each) and
// joined here in C++: rasqal evaluates OPTIONAL-heavy joins and ORDER BY
// slowly on large stores (docs/network.md), while single patterns are index
// lookups. They only assume what loaders/to_rdf writes, so the same code
// reads graphs built from articles and from CSV/JSON records.
//
// Throws QueryError/StoreError from graph::run_query. Not thread-safe (the
// store is not).

#include <map>
#include <set>
#include <string>
#include <vector>

#include "ontology/entity_type.hpp"

namespace ng::graph {
class Store;
}

namespace ng::graph::network {

struct EntityFacts {
  std::string iri;
  ontology::EntityType type = ontology::EntityType::Person;
  std::string name;  // the longest schema:name (empty when it has none)
  std::vector<std::string> aliases;  // schema:alternateName and the other names, sorted
};

struct StatementFacts {
  std::string iri;
  std::string speaker;
  std::vector<std::string> about;  // sorted, distinct
  std::string text;
  std::string verb;
  std::string source;  // schema:isPartOf: the article or record set
};

// A person's tie to an organisation or place: an org:Membership (with its
// role title) or a bare schema:affiliation (empty role).
struct MembershipFacts {
  std::string person;
  std::string target;
  std::string role;
  std::string source;  // prov:wasDerivedFrom of the membership, if any
  auto operator<=>(const MembershipFacts&) const = default;
};

struct StoreFacts {
  std::map<std::string, EntityFacts> entities;  // Person, Organization and Place only
  std::vector<StatementFacts> statements;       // sorted by IRI
  std::map<std::string, std::set<std::string>> article_mentions;   // article -> entities
  std::map<std::string, std::set<std::string>> sentence_mentions;  // sentence -> entities
  std::set<MembershipFacts> memberships;
  std::map<std::string, std::string> source_titles;  // article -> headline, record set -> file
};

// Which parts to read (entities and titles are always read).
enum FactParts : unsigned {
  kStatementFacts = 1U,
  kMentionFacts = 2U,  // article_mentions
  kMembershipFacts = 4U,
  // sentence_mentions: they only count sentences on co-mention links (no
  // weight depends on them), and they are the costliest part to read (every
  // mention of every entity); a diagram does without them.
  kSentenceFacts = 8U,
  kAllFacts = 15U,
};

StoreFacts read_facts(const Store& store, unsigned parts = kAllFacts);

}  // namespace ng::graph::network
