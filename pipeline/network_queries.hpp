#pragma once
// The questions `newsgraph path`, `top` and `ego` answer, as library
// functions over a network view of the store:
//   path A B   the shortest chains linking two entities, each hop with its
//              evidence (the statements and their articles, the articles
//              naming both, the roles);
//   top        the most central entities by PageRank, betweenness,
//              statements made or number of links;
//   ego NAME   who is within N hops of an entity, and through whom.
// Entities are found by IRI, name or alias (graph/network/lookup.hpp).
// Answers are values; format_* turn them into text for stdout.
//
// Throws ng::Error when a name matches no entity, and what the store and
// SPARQL throw.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "graph/diagram.hpp"
#include "graph/store.hpp"
#include "ontology/entity_type.hpp"

namespace ng::pipeline {

struct EntityRef {
  std::string iri;
  std::string label;
  ontology::EntityType type = ontology::EntityType::Person;
};

// One piece of evidence for a hop, as a sentence: "Ada Quill said about
// Boris Tamm: “…”", "both named in 2 articles", "chair of Harbour Guild".
struct HopEvidence {
  std::string kind;  // "statement", "co-mention", "role"
  std::string text;
  std::string source;        // article / record set IRI, if any
  std::string source_title;  // its headline, if known
};

struct Hop {
  EntityRef from;
  EntityRef to;
  double weight = 0;
  std::vector<HopEvidence> evidence;
};

struct PathOptions {
  graph::NetworkView view = graph::NetworkView::Combined;
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

PathAnswer find_paths(const graph::Store& store, const std::string& from, const std::string& to,
                      const PathOptions& options = {});
std::string format_paths(const PathAnswer& answer);

enum class TopMetric { PageRank, Betweenness, Statements, Degree };
// "pagerank", "betweenness", "statements", "degree".
std::optional<TopMetric> parse_top_metric(const std::string& name);

struct TopOptions {
  graph::NetworkView view = graph::NetworkView::Combined;
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

std::vector<TopRow> top_entities(const graph::Store& store, const TopOptions& options);
std::string format_top(const std::vector<TopRow>& rows, TopMetric by, bool csv);

struct EgoOptions {
  graph::NetworkView view = graph::NetworkView::Combined;
  std::size_t hops = 2;
};

struct EgoRow {
  EntityRef entity;
  std::size_t distance = 0;
  EntityRef via;  // the neighbour one hop nearer the centre
  std::string link;  // how `via` and `entity` are linked, in words
  double page_rank = 0;
};

struct EgoAnswer {
  EntityRef center;
  std::vector<EgoRow> rows;  // by distance, then PageRank
  std::vector<EntityRef> other_matches;
};

EgoAnswer ego_network(const graph::Store& store, const std::string& name, const EgoOptions& options = {});
std::string format_ego(const EgoAnswer& answer);

}  // namespace ng::pipeline
