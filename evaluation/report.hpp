#pragma once
// The figures of an evaluation and the three ways to show them: the table
// (what `newsgraph evaluate` prints), JSON (`--json`: the keys and numbers of
// the report format existing tooling reads) and the per-article list of
// misses and false positives (`--verbose`).

#include <optional>
#include <string>
#include <vector>

#include "evaluation/scoring.hpp"

namespace ng::evaluation {

struct Evaluation {
  std::vector<ArticleScore> articles;  // in gold file order
  Tallies totals{};                    // micro-averaged: the articles' counts summed
  std::vector<std::string> missing;    // docs with no article in the graph
};

// Sums the articles' tallies and lists the missing ones.
Evaluation summarize(std::vector<ArticleScore> articles);

// Precision, recall and F1 rounded to 4 decimal places (to the nearest,
// ties to even, on the exact binary value); none of them when gold and pred
// are both 0 (nothing to score). A rate whose denominator is 0 is 0.
struct Rates {
  std::optional<double> precision;
  std::optional<double> recall;
  std::optional<double> f1;
};
Rates rates(const Tally& tally);

// "N of M gold articles found in the graph", then one row per metric:
// gold, pred, tp, P, R, F1 (3 decimals, "-" for none).
std::string format_table(const Evaluation& evaluation);
// "== doc" per article, then one indented line per finding.
std::string format_findings(const Evaluation& evaluation);
// {"gold_files", "missing_articles", "metrics": {metric: {gold, pred, tp,
// precision, recall, f1}}, "per_article": {doc: {"found", metric: ...}}},
// indented by two spaces; with `findings`, each article also gets
// "findings": [{"kind", "text"}].
std::string format_json(const Evaluation& evaluation, bool findings);

}  // namespace ng::evaluation
