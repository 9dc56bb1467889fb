#pragma once
// The questions `newsgraph path`, `top` and `ego` answer, as library
// functions over a network view of the store:
//   path A B   the shortest chains linking two entities, each hop with its
//              evidence (the statements and their articles, the articles
//              naming both, the roles);
//   top        the most central entities by PageRank, betweenness,
//              statements made or number of links;
//   ego NAME   who is within N hops of an entity, and through whom.
// Entities are found by IRI, name or alias (lookup.hpp). Answers are plain
// values; the CLI turns them into text (cli/network_text.hpp).
//
// Throws ng::Error when a name matches no entity, and what the store and
// SPARQL throw.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "graph/network/network_view.hpp"
#include "ontology/entity_type.hpp"

namespace ng::graph {
class Store;
}

namespace ng::graph::network {

struct EntityRef {
  std::string iri;
  std::string label;
  ontology::EntityType type = ontology::EntityType::Person;
};

// One piece of evidence for a hop.
struct HopEvidence {
  enum class Kind { Statement, MoreStatements, SharedArticle, SharedArticleCount, Role };
  Kind kind = Kind::Statement;
  std::string speaker;  // Statement: labels of speaker and subject, verb, words
  std::string verb;
  std::string about;
  std::string text;
  std::size_t count = 0;           // MoreStatements: how many not shown; SharedArticleCount: in all
  std::string member;              // Role: the person's label, the other side's, the titles
  std::string organization;
  std::vector<std::string> roles;
  std::string source;        // Statement, SharedArticle: article / record set IRI, if any
  std::string source_title;  // its headline, if known
};

struct Hop {
  EntityRef from;
  EntityRef to;
  double weight = 0;
  std::vector<HopEvidence> evidence;
};

struct PathOptions {
  NetworkView view = NetworkView::Combined;
  std::size_t max_chains = 5;
  std::size_t max_evidence = 3;  // per hop and kind
};

struct PathAnswer {
  EntityRef from;
  EntityRef to;
  std::vector<std::vector<Hop>> chains;  // shortest first; empty: not linked
  std::vector<EntityRef> other_from;     // other entities the names matched
  std::vector<EntityRef> other_to;
};

PathAnswer find_paths(const Store& store, const std::string& from, const std::string& to,
                      const PathOptions& options = {});

enum class TopMetric { PageRank, Betweenness, Statements, Degree };
// "pagerank", "betweenness", "statements", "degree".
std::optional<TopMetric> parse_top_metric(const std::string& name);
std::string_view top_metric_name(TopMetric metric) noexcept;

struct TopOptions {
  NetworkView view = NetworkView::Combined;
  TopMetric by = TopMetric::PageRank;
  std::size_t count = 10;
  std::optional<ontology::EntityType> type;
};

struct TopRow {
  EntityRef entity;
  double value = 0;
  double page_rank = 0;
  double betweenness = 0;
  std::size_t statements = 0;
  std::size_t links = 0;
};

std::vector<TopRow> top_entities(const Store& store, const TopOptions& options);

struct EgoOptions {
  NetworkView view = NetworkView::Combined;
  std::size_t hops = 2;
};

// How two neighbours are linked, summed over the view's edges between them.
struct LinkSummary {
  std::size_t statements = 0;
  std::size_t shared_articles = 0;
  std::vector<std::string> roles;
};

struct EgoRow {
  EntityRef entity;
  std::size_t distance = 0;
  EntityRef via;      // the neighbour one hop nearer the centre
  LinkSummary link;   // how `via` and `entity` are linked
  double page_rank = 0;
};

struct EgoAnswer {
  EntityRef center;
  std::vector<EgoRow> rows;  // by distance, then PageRank
  std::vector<EntityRef> other_matches;
};

EgoAnswer ego_network(const Store& store, const std::string& name, const EgoOptions& options = {});

}  // namespace ng::graph::network
