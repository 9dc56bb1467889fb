#include "pipeline/network_queries.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "common/error.hpp"
#include "graph/network/lookup.hpp"
#include "graph/network/metrics.hpp"
#include "graph/network/metrics_output.hpp"
#include "graph/network/neighbourhood.hpp"
#include "graph/network/views.hpp"

namespace ng::pipeline {

namespace {

namespace net = graph::network;
using net::Network;
using net::Vertex;

EntityRef ref(const Network& n, Vertex v) { return {n.graph[v].iri, n.graph[v].label, n.graph[v].type}; }

std::string named(const EntityRef& e) { return fmt::format("{} ({})", e.label, ontology::to_string(e.type)); }

std::string label_of(const Network& n, const std::string& iri) {
  const auto v = n.find(iri);
  return v ? n.graph[*v].label : iri;
}

std::string plural(std::size_t count, std::string_view word) {
  if (count != 1 && word.ends_with("y")) return fmt::format("{} {}ies", count, word.substr(0, word.size() - 1));
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

// Finds the entity a name stands for; the rest of the best matches go to `others`.
Vertex resolve(const Network& n, const std::string& name, std::vector<EntityRef>& others) {
  const auto matches = net::find_entities(n, name);
  if (matches.empty()) {
    throw Error(fmt::format("no entity of the {} view matches '{}' (try an IRI, a full name or `newsgraph top`)",
                            net::view_name(n.view()), name));
  }
  for (std::size_t i = 1; i < matches.size(); ++i) others.push_back(ref(n, matches[i].vertex));
  return matches.front().vertex;
}

Network analysed_view(const graph::Store& store, graph::NetworkView view, bool betweenness) {
  Network n = net::build_view(store, view);
  net::AnalysisOptions options;
  options.betweenness = betweenness;
  options.communities = false;
  net::analyse(n, options);
  return n;
}

std::string source_title(const Network& n, const std::string& source) {
  const auto& titles = n.graph[boost::graph_bundle].source_titles;
  const auto it = titles.find(source);
  return it == titles.end() ? std::string() : it->second;
}

// In words, how u and v are linked: "4 statements, 2 shared articles, role: chair".
std::string describe_link(const Network& n, Vertex u, Vertex v) {
  std::size_t statements = 0, articles = 0;
  std::vector<std::string> roles;
  for (const auto e : net::links_between(n, u, v)) {
    const auto& p = n.graph[e];
    statements += p.statements;
    articles += p.articles;
    roles.insert(roles.end(), p.roles.begin(), p.roles.end());
  }
  std::vector<std::string> parts;
  if (statements > 0) parts.push_back(plural(statements, "statement"));
  if (articles > 0) parts.push_back(plural(articles, "shared article"));
  if (!roles.empty()) parts.push_back("role: " + fmt::format("{}", fmt::join(roles, ", ")));
  if (parts.empty()) parts.emplace_back("linked");
  return fmt::format("{}", fmt::join(parts, ", "));
}

Hop make_hop(const Network& n, Vertex u, Vertex v, std::size_t max_evidence) {
  Hop hop{ref(n, u), ref(n, v), 0, {}};
  for (const auto e : net::links_between(n, u, v)) {
    const auto& p = n.graph[e];
    hop.weight += p.weight;
    for (std::size_t i = 0; i < p.evidence.size() && i < max_evidence; ++i) {
      const auto& ev = p.evidence[i];
      hop.evidence.push_back({"statement",
                              fmt::format("{} {} about {}: “{}”", label_of(n, ev.speaker),
                                          ev.verb.empty() ? "spoke" : ev.verb, label_of(n, ev.about), ev.text),
                              ev.source, source_title(n, ev.source)});
    }
    if (p.evidence.size() > max_evidence) {
      const std::size_t more = p.evidence.size() - max_evidence;
      hop.evidence.push_back({"statement", fmt::format("… and {} more statement{}", more, more == 1 ? "" : "s"), {}, {}});
    }
    if ((p.kinds & net::kCoMention) != 0U) {
      std::size_t shown = 0;
      for (const auto& source : p.shared_articles) {
        if (shown == max_evidence) break;
        hop.evidence.push_back({"co-mention", "both named in the same article", source, source_title(n, source)});
        ++shown;
      }
      if (p.articles > shown) {
        hop.evidence.push_back({"co-mention", fmt::format("both named in {} in all", plural(p.articles, "article")), {}, {}});
      }
    }
    if ((p.kinds & net::kAffiliation) != 0U) {
      const Vertex person = n.graph[u].type == ontology::EntityType::Person ? u : v;
      const Vertex other = person == u ? v : u;
      const std::string roles = p.roles.empty() ? std::string("affiliated with")
                                                : fmt::format("{} of", fmt::join(p.roles, ", "));
      hop.evidence.push_back({"role", fmt::format("{} is {} {}", n.graph[person].label, roles, n.graph[other].label),
                              {}, {}});
    }
  }
  return hop;
}

double metric_value(const Network& n, Vertex v, TopMetric by) {
  const auto& m = n.graph[v].metrics;
  switch (by) {
    case TopMetric::PageRank: return m.page_rank;
    case TopMetric::Betweenness: return m.betweenness;
    case TopMetric::Statements: return static_cast<double>(n.graph[v].statements);
    case TopMetric::Degree: return static_cast<double>(net::link_count(n, v));
  }
  return 0;
}

std::string metric_name(TopMetric by) {
  switch (by) {
    case TopMetric::PageRank: return "pagerank";
    case TopMetric::Betweenness: return "betweenness";
    case TopMetric::Statements: return "statements";
    case TopMetric::Degree: return "degree";
  }
  return "pagerank";
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

PathAnswer find_paths(const graph::Store& store, const std::string& from, const std::string& to,
                      const PathOptions& options) {
  const Network n = analysed_view(store, options.view, false);
  PathAnswer answer;
  const Vertex a = resolve(n, from, answer.other_from);
  const Vertex b = resolve(n, to, answer.other_to);
  answer.from = ref(n, a);
  answer.to = ref(n, b);
  for (const auto& chain : net::shortest_chains(n, a, b, options.max_chains)) {
    std::vector<Hop> hops;
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) hops.push_back(make_hop(n, chain[i], chain[i + 1], options.max_evidence));
    answer.chains.push_back(std::move(hops));
  }
  return answer;
}

std::string format_paths(const PathAnswer& answer) {
  std::string out;
  const auto others = [&](const EntityRef& chosen, const std::vector<EntityRef>& rest) {
    if (rest.empty()) return;
    out += fmt::format("note: chose {} <{}>; the name also matches", named(chosen), chosen.iri);
    for (const auto& e : rest) out += fmt::format(" {} <{}>", named(e), e.iri);
    out += "\n";
  };
  others(answer.from, answer.other_from);
  others(answer.to, answer.other_to);
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
        out += fmt::format("    {}: {}\n", ev.kind, ev.text);
        if (!ev.source.empty()) {
          out += ev.source_title.empty() ? fmt::format("      in <{}>\n", ev.source)
                                         : fmt::format("      in “{}” <{}>\n", ev.source_title, ev.source);
        }
      }
    }
  }
  return out;
}

std::optional<TopMetric> parse_top_metric(const std::string& name) {
  if (name == "pagerank" || name == "rank") return TopMetric::PageRank;
  if (name == "betweenness") return TopMetric::Betweenness;
  if (name == "statements") return TopMetric::Statements;
  if (name == "degree" || name == "links") return TopMetric::Degree;
  return std::nullopt;
}

std::vector<TopRow> top_entities(const graph::Store& store, const TopOptions& options) {
  const Network n = analysed_view(store, options.view, options.by == TopMetric::Betweenness);
  std::vector<Vertex> candidates;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(n.graph))) {
    if (!options.type || n.graph[v].type == *options.type) candidates.push_back(v);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](Vertex a, Vertex b) {
    const double x = metric_value(n, a, options.by);
    const double y = metric_value(n, b, options.by);
    if (x != y) return x > y;
    return n.graph[a].metrics.page_rank > n.graph[b].metrics.page_rank;
  });
  if (candidates.size() > options.count) candidates.resize(options.count);
  std::vector<TopRow> rows;
  for (const Vertex v : candidates) {
    const auto& m = n.graph[v].metrics;
    rows.push_back({ref(n, v), metric_value(n, v, options.by), m.page_rank, m.betweenness, n.graph[v].statements,
                    net::link_count(n, v)});
  }
  return rows;
}

std::string format_top(const std::vector<TopRow>& rows, TopMetric by, bool csv) {
  const std::string metric = metric_name(by);
  std::string out;
  if (csv) {
    out += fmt::format("rank,iri,label,type,{},pagerank,statements,links\r\n", metric);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      out += fmt::format("{},{},{},{},{},{},{},{}\r\n", i + 1, csv_field(r.entity.iri), csv_field(r.entity.label),
                         ontology::to_string(r.entity.type), r.value, r.page_rank, r.statements, r.links);
    }
    return out;
  }
  std::size_t width = 4;
  for (const auto& r : rows) width = std::max(width, r.entity.label.size());
  // The ranking metric first, then the usual context (PageRank only once).
  const bool by_rank = by == TopMetric::PageRank;
  out += fmt::format("{:>3}  {:<{}}  {:<12}  {:>11}{}  {:>10}  {:>5}\n", "#", "name", width, "type", metric,
                     by_rank ? "" : fmt::format("  {:>9}", "pagerank"), "statements", "links");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const std::string value = by_rank                        ? fmt::format("{:.5f}", r.value)
                              : by == TopMetric::Betweenness ? fmt::format("{:.1f}", r.value)
                                                             : fmt::format("{:.0f}", r.value);
    out += fmt::format("{:>3}  {:<{}}  {:<12}  {:>11}{}  {:>10}  {:>5}\n", i + 1, r.entity.label, width,
                       ontology::to_string(r.entity.type), value,
                       by_rank ? "" : fmt::format("  {:>9.5f}", r.page_rank), r.statements, r.links);
  }
  return out;
}

EgoAnswer ego_network(const graph::Store& store, const std::string& name, const EgoOptions& options) {
  const Network n = analysed_view(store, options.view, false);
  EgoAnswer answer;
  const Vertex center = resolve(n, name, answer.other_matches);
  answer.center = ref(n, center);
  const auto reached = net::within_hops(n, center, options.hops);
  std::vector<std::size_t> distance(n.vertex_count(), static_cast<std::size_t>(-1));
  for (const auto& [v, d] : reached) distance[v] = d;
  for (const auto& [v, d] : reached) {
    if (v == center) continue;
    // Through the strongest-linked neighbour one hop nearer the centre.
    Vertex via = center;
    double best = -1;
    for (const Vertex w : net::neighbours(n, v)) {
      if (distance[w] + 1 != d) continue;
      double weight = 0;
      for (const auto e : net::links_between(n, v, w)) weight += n.graph[e].weight;
      if (weight > best) {
        best = weight;
        via = w;
      }
    }
    answer.rows.push_back({ref(n, v), d, ref(n, via), describe_link(n, via, v), n.graph[v].metrics.page_rank});
  }
  std::stable_sort(answer.rows.begin(), answer.rows.end(), [](const EgoRow& a, const EgoRow& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.page_rank > b.page_rank;
  });
  return answer;
}

std::string format_ego(const EgoAnswer& answer) {
  std::string out;
  if (!answer.other_matches.empty()) {
    out += fmt::format("note: chose {} <{}>; the name also matches", named(answer.center), answer.center.iri);
    for (const auto& e : answer.other_matches) out += fmt::format(" {} <{}>", named(e), e.iri);
    out += "\n";
  }
  out += fmt::format("{} <{}>: {} within reach\n", named(answer.center), answer.center.iri,
                     plural(answer.rows.size(), "entity"));
  std::size_t distance = 0;
  for (const auto& row : answer.rows) {
    if (row.distance != distance) {
      distance = row.distance;
      out += fmt::format("\n{}:\n", plural(distance, "hop"));
    }
    if (distance == 1) out += fmt::format("  {:<40} {}\n", named(row.entity), row.link);
    else out += fmt::format("  {:<40} via {}: {}\n", named(row.entity), row.via.label, row.link);
  }
  return out;
}

}  // namespace ng::pipeline
