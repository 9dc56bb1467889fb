#include "evaluation/report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace ng::evaluation {

namespace {

// Rounds to 4 decimal places on the exact binary value (glibc's printf is
// exact and rounds ties to even), the way the report format's figures have
// always been rounded; then back to the nearest double.
double round4(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return std::strtod(buffer, nullptr);
}

// The shortest decimal that reads back as `value`, in positional notation,
// with ".0" for whole numbers: 0.7755, 1.0, 0.0001.
std::string json_number(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  std::string text(buffer, result.ptr);
  if (text.find('.') == std::string::npos) text += ".0";
  return text;
}

std::string json_string(const std::string& text) {
  // ASCII only: every other character as \uXXXX, like the existing reports.
  return nlohmann::json(text).dump(-1, ' ', true);
}

std::string json_rate(const std::optional<double>& rate) { return rate ? json_number(*rate) : "null"; }

// One metric's object at `indent` spaces (its members two deeper).
std::string json_tally(const Tally& tally, const std::string& indent) {
  const Rates r = rates(tally);
  const std::string in = indent + "  ";
  return fmt::format("{{\n{0}\"gold\": {1},\n{0}\"pred\": {2},\n{0}\"tp\": {3},\n{0}\"precision\": {4},\n"
                     "{0}\"recall\": {5},\n{0}\"f1\": {6}\n{7}}}",
                     in, tally.gold, tally.pred, tally.tp, json_rate(r.precision), json_rate(r.recall),
                     json_rate(r.f1), indent);
}

std::string json_metrics_members(const Tallies& tallies, const std::string& indent) {
  std::string out;
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    if (m > 0) out += ",\n";
    out += fmt::format("{}\"{}\": {}", indent, kMetricNames[m], json_tally(tallies[m], indent));
  }
  return out;
}

std::string rate_cell(const std::optional<double>& rate) {
  if (!rate) return fmt::format("{:>8}", "-");
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%8.3f", *rate);
  return buffer;
}

}  // namespace

Evaluation summarize(std::vector<ArticleScore> articles) {
  Evaluation evaluation;
  evaluation.articles = std::move(articles);
  for (const auto& article : evaluation.articles) {
    if (!article.found) evaluation.missing.push_back(article.doc);
    for (std::size_t m = 0; m < kMetricCount; ++m) evaluation.totals[m].add(article.tallies[m]);
  }
  return evaluation;
}

Rates rates(const Tally& tally) {
  if (tally.gold == 0 && tally.pred == 0) return {};
  const double p = tally.pred != 0 ? static_cast<double>(tally.tp) / static_cast<double>(tally.pred) : 0.0;
  const double r = tally.gold != 0 ? static_cast<double>(tally.tp) / static_cast<double>(tally.gold) : 0.0;
  const double f1 = p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
  return {round4(p), round4(r), round4(f1)};
}

std::string format_table(const Evaluation& evaluation) {
  std::string out = fmt::format("{} of {} gold articles found in the graph\n",
                                evaluation.articles.size() - evaluation.missing.size(), evaluation.articles.size());
  out += fmt::format("{:<24}{:>6}{:>6}{:>6}{:>8}{:>8}{:>8}\n", "metric", "gold", "pred", "tp", "P", "R", "F1");
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    const Tally& t = evaluation.totals[m];
    const Rates r = rates(t);
    out += fmt::format("{:<24}{:>6}{:>6}{:>6}{}{}{}\n", kMetricNames[m], t.gold, t.pred, t.tp,
                       rate_cell(r.precision), rate_cell(r.recall), rate_cell(r.f1));
  }
  return out;
}

std::string format_findings(const Evaluation& evaluation) {
  std::string out;
  for (const auto& article : evaluation.articles) {
    out += fmt::format("== {}{}\n", article.doc, article.found ? "" : " (article not found)");
    for (const auto& finding : article.findings) out += fmt::format("  {:<14}{}\n", finding.kind, finding.text);
  }
  return out;
}

std::string format_json(const Evaluation& evaluation, bool findings) {
  std::string out = fmt::format("{{\n  \"gold_files\": {},\n  \"missing_articles\": ", evaluation.articles.size());
  if (evaluation.missing.empty()) {
    out += "[]";
  } else {
    out += "[\n";
    for (std::size_t i = 0; i < evaluation.missing.size(); ++i) {
      const bool last = i + 1 == evaluation.missing.size();
      out += fmt::format("    {}{}\n", json_string(evaluation.missing[i]), last ? "" : ",");
    }
    out += "  ]";
  }
  out += ",\n  \"metrics\": {\n" + json_metrics_members(evaluation.totals, "    ") + "\n  },\n";

  // One entry per doc: a second gold file for the same doc replaces the
  // first one's figures but keeps its place.
  std::vector<std::string> docs;
  std::map<std::string, const ArticleScore*> by_doc;
  for (const auto& article : evaluation.articles) {
    if (!by_doc.contains(article.doc)) docs.push_back(article.doc);
    by_doc[article.doc] = &article;
  }
  out += "  \"per_article\": {";
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const ArticleScore& article = *by_doc[docs[i]];
    out += fmt::format("{}\n    {}: {{\n      \"found\": {},\n", i > 0 ? "," : "", json_string(article.doc),
                       article.found ? "true" : "false");
    out += json_metrics_members(article.tallies, "      ");
    if (findings) {
      out += ",\n      \"findings\": [";
      for (std::size_t f = 0; f < article.findings.size(); ++f) {
        out += fmt::format("{}\n        {{\"kind\": {}, \"text\": {}}}", f > 0 ? "," : "",
                           json_string(article.findings[f].kind), json_string(article.findings[f].text));
      }
      out += article.findings.empty() ? "]" : "\n      ]";
    }
    out += "\n    }";
  }
  out += docs.empty() ? "}\n}\n" : "\n  }\n}\n";
  return out;
}

}  // namespace ng::evaluation
