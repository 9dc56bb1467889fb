#include "evaluation/scoring.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <functional>
#include <tuple>

#include "common/unicode.hpp"
#include "evaluation/text_match.hpp"

namespace ng::evaluation {

namespace {

// A maximum one-to-one matching by augmenting paths (Kuhn), trying golds in
// order and, for each, predictions in order. The size of a maximum matching
// does not depend on the order; which pairs are matched (what --verbose
// lists) does, so the order is part of the rules. Returns, for each
// prediction, the gold it is matched to or -1.
std::vector<long> max_matching(std::size_t golds, std::size_t preds,
                               const std::function<bool(std::size_t, std::size_t)>& compatible) {
  std::vector<std::vector<bool>> fits(golds, std::vector<bool>(preds));
  for (std::size_t gi = 0; gi < golds; ++gi) {
    for (std::size_t pi = 0; pi < preds; ++pi) fits[gi][pi] = compatible(gi, pi);
  }
  std::vector<long> owner(preds, -1);
  std::vector<bool> seen;
  const std::function<bool(std::size_t)> augment = [&](std::size_t gi) {
    for (std::size_t pi = 0; pi < preds; ++pi) {
      if (seen[pi] || !fits[gi][pi]) continue;
      seen[pi] = true;
      if (owner[pi] < 0 || augment(static_cast<std::size_t>(owner[pi]))) {
        owner[pi] = static_cast<long>(gi);
        return true;
      }
    }
    return false;
  };
  for (std::size_t gi = 0; gi < golds; ++gi) {
    seen.assign(preds, false);
    augment(gi);
  }
  return owner;
}

std::vector<bool> matched_golds(const std::vector<long>& owner, std::size_t golds) {
  std::vector<bool> matched(golds, false);
  for (const long gi : owner) {
    if (gi >= 0) matched[static_cast<std::size_t>(gi)] = true;
  }
  return matched;
}

bool shares_name(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& name) { return b.contains(name); });
}

bool entity_matches(const ContractGraph& graph, const GoldEntity& gold, NodeId node) {
  return graph.has_kind(node, gold.kind) && shares_name(gold.names, graph.names(node));
}

void append_hex(std::string& out, char32_t c, int digits) {
  out += fmt::format("{:0{}x}", static_cast<std::uint32_t>(c), digits);
}

// A string quoted for a report line the way the scorer the format comes
// from quotes it (Python's repr): single quotes unless the text has a single
// quote and no double one; backslash escapes for the quote, backslash, tab,
// newline, return and characters that do not print.
std::string report_quoted(std::string_view utf8) {
  const bool has_single = utf8.find('\'') != std::string_view::npos;
  const bool has_double = utf8.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(utf8, i);
    if (c == static_cast<char32_t>(quote) || c == U'\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == U'\t') {
      out += "\\t";
    } else if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      append_hex(out, c, 2);
    } else if (c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      const auto category = u_charType(static_cast<UChar32>(c));
      const bool prints = category != U_CONTROL_CHAR && category != U_FORMAT_CHAR && category != U_SURROGATE &&
                          category != U_PRIVATE_USE_CHAR && category != U_UNASSIGNED &&
                          category != U_LINE_SEPARATOR && category != U_PARAGRAPH_SEPARATOR &&
                          category != U_SPACE_SEPARATOR;
      if (prints) {
        out.append(utf8.substr(start, i - start));
      } else if (c <= 0xFF) {
        out += "\\x";
        append_hex(out, c, 2);
      } else if (c <= 0xFFFF) {
        out += "\\u";
        append_hex(out, c, 4);
      } else {
        out += "\\U";
        append_hex(out, c, 8);
      }
    }
  }
  out += quote;
  return out;
}

void score_entities(const ContractGraph& graph, const GoldArticle& gold, const std::vector<NodeId>& mentioned,
                    ArticleScore& score) {
  // One predicted item per (node, kind): typing a node twice costs precision.
  std::vector<std::pair<NodeId, EntityKind>> items;
  for (const NodeId node : mentioned) {
    for (const EntityKind kind : graph.kinds(node)) items.emplace_back(node, kind);
  }
  const auto owner = max_matching(gold.entities.size(), items.size(), [&](std::size_t gi, std::size_t pi) {
    const GoldEntity& g = gold.entities[gi];
    return g.kind == items[pi].second && shares_name(g.names, graph.names(items[pi].first));
  });
  for (std::size_t k = 0; k < kEntityKinds.size(); ++k) {
    const EntityKind kind = kEntityKinds[k];
    Tally tally;
    tally.gold = std::count_if(gold.entities.begin(), gold.entities.end(),
                               [&](const GoldEntity& g) { return g.kind == kind; });
    for (std::size_t pi = 0; pi < items.size(); ++pi) {
      if (items[pi].second != kind) continue;
      ++tally.pred;
      if (owner[pi] >= 0) ++tally.tp;
    }
    score.tallies[k] = tally;
    at(score.tallies, Metric::Entities).add(tally);
  }
  const auto matched = matched_golds(owner, gold.entities.size());
  for (std::size_t gi = 0; gi < gold.entities.size(); ++gi) {
    if (matched[gi]) continue;
    const GoldEntity& g = gold.entities[gi];
    score.findings.push_back({"entity FN", fmt::format("{} {}", kind_name(g.kind), report_quoted(g.name))});
  }
  for (std::size_t pi = 0; pi < items.size(); ++pi) {
    if (owner[pi] >= 0) continue;
    const auto& [node, kind] = items[pi];
    score.findings.push_back({"entity FP", fmt::format("{} {}", kind_name(kind), report_quoted(graph.display(node)))});
  }
}

struct StatementPair {
  std::size_t gold;
  NodeId statement;
  bool right_speaker;
};

std::vector<StatementPair> score_statements(const ContractGraph& graph, const GoldArticle& gold,
                                            const std::vector<NodeId>& predicted, ArticleScore& score) {
  std::vector<std::vector<std::string>> predicted_tokens;
  for (const NodeId statement : predicted) predicted_tokens.push_back(word_tokens(graph.text(statement)));
  struct Candidate {
    bool right;
    double f1;
    std::size_t gi;
    std::size_t pi;
  };
  std::vector<Candidate> candidates;
  for (std::size_t gi = 0; gi < gold.statements.size(); ++gi) {
    const GoldStatement& g = gold.statements[gi];
    const auto gold_tokens = word_tokens(g.text);
    for (std::size_t pi = 0; pi < predicted.size(); ++pi) {
      const double f1 = token_f1(gold_tokens, predicted_tokens[pi]);
      if (f1 < kStatementMinF1) continue;
      const auto speakers = graph.speakers(predicted[pi]);
      const bool right = !speakers.empty() && std::all_of(speakers.begin(), speakers.end(), [&](NodeId node) {
        return entity_matches(graph, gold.entities[g.speaker], node);
      });
      candidates.push_back({right, f1, gi, pi});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::make_tuple(!a.right, -a.f1, a.gi, a.pi) < std::make_tuple(!b.right, -b.f1, b.gi, b.pi);
  });
  std::vector<StatementPair> pairs;
  std::vector<bool> used_gold(gold.statements.size(), false);
  std::vector<bool> used_pred(predicted.size(), false);
  for (const auto& c : candidates) {
    if (used_gold[c.gi] || used_pred[c.pi]) continue;
    used_gold[c.gi] = used_pred[c.pi] = true;
    pairs.push_back({c.gi, predicted[c.pi], c.right});
  }
  const auto gold_count = static_cast<long>(gold.statements.size());
  const auto pred_count = static_cast<long>(predicted.size());
  at(score.tallies, Metric::Statements) = {gold_count, pred_count, static_cast<long>(pairs.size())};
  at(score.tallies, Metric::WhoSaidWhat) = {
      gold_count, pred_count,
      std::count_if(pairs.begin(), pairs.end(), [](const StatementPair& p) { return p.right_speaker; })};

  for (std::size_t gi = 0; gi < gold.statements.size(); ++gi) {
    if (used_gold[gi]) continue;
    const GoldStatement& g = gold.statements[gi];
    score.findings.push_back({"statement FN", fmt::format("{}: {}", gold.entities[g.speaker].name,
                                                          report_quoted(first_code_points(g.text, 70)))});
  }
  for (std::size_t pi = 0; pi < predicted.size(); ++pi) {
    if (used_pred[pi]) continue;
    score.findings.push_back({"statement FP", report_quoted(first_code_points(graph.text(predicted[pi]), 70))});
  }
  for (const auto& pair : pairs) {
    if (pair.right_speaker) continue;
    std::vector<std::string> said_by;
    for (const NodeId speaker : graph.speakers(pair.statement)) said_by.push_back(graph.display(speaker));
    std::sort(said_by.begin(), said_by.end());
    const std::string who = said_by.empty() ? std::string("nobody") : fmt::format("{}", fmt::join(said_by, ", "));
    const GoldStatement& g = gold.statements[pair.gold];
    score.findings.push_back({"wrong speaker", fmt::format("{}: {} instead of {}",
                                                           report_quoted(first_code_points(g.text, 50)), who,
                                                           gold.entities[g.speaker].name)});
  }
  return pairs;
}

void score_about(const ContractGraph& graph, const GoldArticle& gold, const std::vector<StatementPair>& pairs,
                 ArticleScore& score) {
  for (const auto& pair : pairs) {
    const GoldStatement& g = gold.statements[pair.gold];
    const auto about = graph.about(pair.statement);
    const auto owner = max_matching(g.about.size(), about.size(), [&](std::size_t gi, std::size_t pi) {
      return entity_matches(graph, gold.entities[g.about[gi]], about[pi]);
    });
    const auto matched = std::count_if(owner.begin(), owner.end(), [](long gi) { return gi >= 0; });
    at(score.tallies, Metric::About)
        .add({static_cast<long>(g.about.size()), static_cast<long>(about.size()), static_cast<long>(matched)});
    const std::string where = report_quoted(first_code_points(g.text, 40));
    const auto gold_matched = matched_golds(owner, g.about.size());
    for (std::size_t gi = 0; gi < g.about.size(); ++gi) {
      if (!gold_matched[gi]) {
        score.findings.push_back({"about FN", fmt::format("{} in {}", gold.entities[g.about[gi]].name, where)});
      }
    }
    for (std::size_t pi = 0; pi < about.size(); ++pi) {
      if (owner[pi] >= 0) continue;
      score.findings.push_back({"about FP", fmt::format("{} in {}", graph.display(about[pi]), where)});
    }
  }
}

}  // namespace

ArticleScore score_article(const ContractGraph& graph, const GoldArticle& gold) {
  const auto articles = graph.articles_for(gold.doc);
  ArticleScore score;
  score.doc = gold.doc;
  score.found = !articles.empty();
  score_entities(graph, gold, graph.mentions(articles), score);
  const auto pairs = score_statements(graph, gold, graph.statements(articles), score);
  score_about(graph, gold, pairs, score);
  return score;
}

}  // namespace ng::evaluation
