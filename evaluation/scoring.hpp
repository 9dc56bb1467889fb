#pragma once
// Scores one article's graph against its gold annotations:
//   entities       (entity, kind) pairs of `?article schema:mentions ?e`,
//                  matched one-to-one (a maximum matching) with gold entities
//                  of the same kind that share a normalised name;
//   statements     schema:Quotation nodes, matched one-to-one with gold
//                  statements whose text has token F1 >= 0.5, greedily: right
//                  speaker first, then higher F1, then gold order, then
//                  statement order;
//   who_said_what  matched statements whose speakers all match the gold one;
//   about          over matched statements: schema:about entities matched
//                  one-to-one with the gold "about" entities.
// docs/evaluation.md explains the rules with examples.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "evaluation/contract_graph.hpp"
#include "evaluation/gold.hpp"

namespace ng::evaluation {

inline constexpr double kStatementMinF1 = 0.5;

// The figures reported, in report order (the JSON keys of the report).
enum class Metric { Person, Organization, Place, Entities, Statements, WhoSaidWhat, About };
inline constexpr std::size_t kMetricCount = 7;
inline constexpr std::array<std::string_view, kMetricCount> kMetricNames = {
    "entities.Person", "entities.Organization", "entities.Place", "entities",
    "statements",      "who_said_what",         "about"};

struct Tally {
  long gold = 0;
  long pred = 0;
  long tp = 0;
  void add(const Tally& other) noexcept {
    gold += other.gold;
    pred += other.pred;
    tp += other.tp;
  }
  bool operator==(const Tally&) const = default;
};

using Tallies = std::array<Tally, kMetricCount>;

inline Tally& at(Tallies& tallies, Metric metric) { return tallies[static_cast<std::size_t>(metric)]; }
inline const Tally& at(const Tallies& tallies, Metric metric) { return tallies[static_cast<std::size_t>(metric)]; }

// One miss or false positive, for --verbose: `kind` is "entity FN",
// "entity FP", "statement FN", "statement FP", "wrong speaker", "about FN"
// or "about FP".
struct Finding {
  std::string kind;
  std::string text;
};

struct ArticleScore {
  std::string doc;
  bool found = false;  // an article node for `doc` is in the graph
  Tallies tallies{};
  std::vector<Finding> findings;
};

ArticleScore score_article(const ContractGraph& graph, const GoldArticle& gold);

}  // namespace ng::evaluation
