#include "cli/network_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ng::cli {

namespace {

using namespace graph::network;

std::string named(const EntityRef& e) { return fmt::format("{} ({})", e.label, ontology::to_string(e.type)); }

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The evidence of a hop in one line (and where it comes from, if known).
std::string describe(const HopEvidence& ev) {
  using Kind = HopEvidence::Kind;
  switch (ev.kind) {
    case Kind::Statement:
      return fmt::format("statement: {} {} about {}: “{}”", ev.speaker, ev.verb.empty() ? "spoke" : ev.verb, ev.about,
                         ev.text);
    case Kind::MoreStatements:
      return fmt::format("statement: … and {} more statement{}", ev.count, ev.count == 1 ? "" : "s");
    case Kind::SharedArticle: return "co-mention: both named in the same article";
    case Kind::SharedArticleCount: return fmt::format("co-mention: both named in {} in all", plural(ev.count, "article"));
    case Kind::Role:
      return fmt::format("role: {} is {} {}", ev.member,
                         ev.roles.empty() ? std::string("affiliated with") : fmt::format("{} of", fmt::join(ev.roles, ", ")),
                         ev.organization);
  }
  return {};
}

std::string describe(const LinkSummary& link) {
  std::vector<std::string> parts;
  if (link.statements > 0) parts.push_back(plural(link.statements, "statement"));
  if (link.shared_articles > 0) parts.push_back(plural(link.shared_articles, "shared article"));
  if (!link.roles.empty()) parts.push_back("role: " + fmt::format("{}", fmt::join(link.roles, ", ")));
  if (parts.empty()) parts.emplace_back("linked");
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string other_matches(const EntityRef& chosen, const std::vector<EntityRef>& rest) {
  if (rest.empty()) return {};
  std::string out = fmt::format("note: chose {} <{}>; the name also matches", named(chosen), chosen.iri);
  for (const auto& e : rest) out += fmt::format(" {} <{}>", named(e), e.iri);
  return out + "\n";
}

}  // namespace

std::string plural(std::size_t count, std::string_view word, std::string_view words) {
  return fmt::format("{} {}", count, count == 1 ? word : words);
}

std::string plural(std::size_t count, std::string_view word) {
  if (count == 1) return fmt::format("1 {}", word);
  if (word.ends_with("y") && !word.ends_with("ay") && !word.ends_with("ey")) {
    return fmt::format("{} {}ies", count, word.substr(0, word.size() - 1));
  }
  if (word.ends_with("s") || word.ends_with("x") || word.ends_with("ch")) return fmt::format("{} {}es", count, word);
  return fmt::format("{} {}s", count, word);
}

std::string format_paths(const PathAnswer& answer) {
  std::string out = other_matches(answer.from, answer.other_from) + other_matches(answer.to, answer.other_to);
  if (answer.chains.empty()) {
    return out + fmt::format("{} and {} are not linked in this view.\n", named(answer.from), named(answer.to));
  }
  const std::size_t length = answer.chains.front().size();
  out += fmt::format("{} → {}: {} of {}\n", named(answer.from), named(answer.to),
                     plural(answer.chains.size(), "shortest chain"), plural(length, "hop"));
  for (std::size_t c = 0; c < answer.chains.size(); ++c) {
    const auto& chain = answer.chains[c];
    std::string names = chain.empty() ? answer.from.label : chain.front().from.label;
    for (const auto& hop : chain) names += " — " + hop.to.label;
    out += fmt::format("\nchain {}: {}\n", c + 1, names);
    for (const auto& hop : chain) {
      out += fmt::format("  {} — {}\n", hop.from.label, hop.to.label);
      for (const auto& ev : hop.evidence) {
        out += fmt::format("    {}\n", describe(ev));
        if (!ev.source.empty()) {
          out += ev.source_title.empty() ? fmt::format("      in <{}>\n", ev.source)
                                         : fmt::format("      in “{}” <{}>\n", ev.source_title, ev.source);
        }
      }
    }
  }
  return out;
}

std::string format_top(const std::vector<TopRow>& rows, TopMetric by, bool csv) {
  // The ranking figure first, then the usual context without repeating it.
  struct Column {
    std::string_view name;
    TopMetric metric;
  };
  std::vector<Column> context;
  for (const Column c : {Column{"pagerank", TopMetric::PageRank}, Column{"statements", TopMetric::Statements},
                         Column{"links", TopMetric::Degree}}) {
    if (c.metric != by) context.push_back(c);
  }
  const auto figure = [&](const TopRow& r, TopMetric metric, bool table) -> std::string {
    switch (metric) {
      case TopMetric::PageRank: return table ? fmt::format("{:.5f}", r.page_rank) : fmt::format("{}", r.page_rank);
      case TopMetric::Betweenness: return table ? fmt::format("{:.1f}", r.betweenness) : fmt::format("{}", r.betweenness);
      case TopMetric::Statements: return fmt::format("{}", r.statements);
      case TopMetric::Degree: return fmt::format("{}", r.links);
    }
    return {};
  };
  std::string out;
  if (csv) {
    out += fmt::format("rank,iri,label,type,{}", top_metric_name(by));
    for (const Column& c : context) out += fmt::format(",{}", c.name);
    out += "\r\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      out += fmt::format("{},{},{},{},{}", i + 1, csv_field(r.entity.iri), csv_field(r.entity.label),
                         ontology::to_string(r.entity.type), figure(r, by, false));
      for (const Column& c : context) out += "," + figure(r, c.metric, false);
      out += "\r\n";
    }
    return out;
  }
  std::size_t width = 4;
  for (const auto& r : rows) width = std::max(width, r.entity.label.size());
  out += fmt::format("{:>3}  {:<{}}  {:<12}  {:>11}", "#", "name", width, "type", top_metric_name(by));
  for (const Column& c : context) out += fmt::format("  {:>10}", c.name);
  out += "\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    out += fmt::format("{:>3}  {:<{}}  {:<12}  {:>11}", i + 1, r.entity.label, width, ontology::to_string(r.entity.type),
                       figure(r, by, true));
    for (const Column& c : context) out += fmt::format("  {:>10}", figure(r, c.metric, true));
    out += "\n";
  }
  return out;
}

std::string format_ego(const EgoAnswer& answer) {
  std::string out = other_matches(answer.center, answer.other_matches);
  out += fmt::format("{} <{}>: {} within reach\n", named(answer.center), answer.center.iri,
                     plural(answer.rows.size(), "entity"));
  std::size_t distance = 0;
  for (const auto& row : answer.rows) {
    if (row.distance != distance) {
      distance = row.distance;
      out += fmt::format("\n{}:\n", plural(distance, "hop"));
    }
    if (distance == 1) out += fmt::format("  {:<40} {}\n", named(row.entity), describe(row.link));
    else out += fmt::format("  {:<40} via {}: {}\n", named(row.entity), row.via.label, describe(row.link));
  }
  return out;
}

}  // namespace ng::cli
