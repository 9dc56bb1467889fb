#include "graph/network/questions.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "common/error.hpp"
#include "graph/network/lookup.hpp"
#include "graph/network/metrics.hpp"
#include "graph/network/metrics_output.hpp"
#include "graph/network/neighbourhood.hpp"
#include "graph/network/views.hpp"

namespace ng::graph::network {

namespace {

EntityRef ref(const Network& n, Vertex v) { return {n.graph[v].iri, n.graph[v].label, n.graph[v].type}; }

std::string label_of(const Network& n, const std::string& iri) {
  const auto v = n.find(iri);
  return v ? n.graph[*v].label : iri;
}

// Finds the entity a name stands for; the rest of the best matches go to `others`.
Vertex resolve(const Network& n, const std::string& name, std::vector<EntityRef>& others) {
  const auto matches = find_entities(n, name);
  if (matches.empty()) {
    throw Error(fmt::format("no entity of the {} view matches '{}' (try an IRI, a full name or `newsgraph top`)",
                            view_name(n.view()), name));
  }
  for (std::size_t i = 1; i < matches.size(); ++i) others.push_back(ref(n, matches[i].vertex));
  return matches.front().vertex;
}

Network analysed_view(const Store& store, NetworkView view, bool betweenness) {
  Network n = build_view(store, view);
  AnalysisOptions options;
  options.betweenness = betweenness;
  options.communities = false;
  analyse(n, options);
  return n;
}

std::string source_title(const Network& n, const std::string& source) {
  const auto& titles = n.graph[boost::graph_bundle].source_titles;
  const auto it = titles.find(source);
  return it == titles.end() ? std::string() : it->second;
}

LinkSummary summarise_link(const Network& n, Vertex u, Vertex v) {
  LinkSummary link;
  for (const auto e : links_between(n, u, v)) {
    const auto& p = n.graph[e];
    link.statements += p.statements;
    link.shared_articles += p.articles;
    link.roles.insert(link.roles.end(), p.roles.begin(), p.roles.end());
  }
  return link;
}

HopEvidence evidence_of(HopEvidence::Kind kind) {
  HopEvidence ev;
  ev.kind = kind;
  return ev;
}

Hop make_hop(const Network& n, Vertex u, Vertex v, std::size_t max_evidence) {
  using Kind = HopEvidence::Kind;
  Hop hop{ref(n, u), ref(n, v), 0, {}};
  for (const auto e : links_between(n, u, v)) {
    const auto& p = n.graph[e];
    hop.weight += p.weight;
    for (std::size_t i = 0; i < p.evidence.size() && i < max_evidence; ++i) {
      const auto& ev = p.evidence[i];
      HopEvidence said = evidence_of(Kind::Statement);
      said.speaker = label_of(n, ev.speaker);
      said.verb = ev.verb;
      said.about = label_of(n, ev.about);
      said.text = ev.text;
      said.source = ev.source;
      said.source_title = source_title(n, ev.source);
      hop.evidence.push_back(std::move(said));
    }
    if (p.evidence.size() > max_evidence) {
      HopEvidence more = evidence_of(Kind::MoreStatements);
      more.count = p.evidence.size() - max_evidence;
      hop.evidence.push_back(std::move(more));
    }
    if ((p.kinds & kCoMention) != 0U) {
      std::size_t shown = 0;
      for (const auto& source : p.shared_articles) {
        if (shown == max_evidence) break;
        HopEvidence shared = evidence_of(Kind::SharedArticle);
        shared.source = source;
        shared.source_title = source_title(n, source);
        hop.evidence.push_back(std::move(shared));
        ++shown;
      }
      if (p.articles > shown) {
        HopEvidence all = evidence_of(Kind::SharedArticleCount);
        all.count = p.articles;
        hop.evidence.push_back(std::move(all));
      }
    }
    if ((p.kinds & kAffiliation) != 0U) {
      const Vertex person = n.graph[u].type == ontology::EntityType::Person ? u : v;
      const Vertex other = person == u ? v : u;
      HopEvidence role = evidence_of(Kind::Role);
      role.member = n.graph[person].label;
      role.organization = n.graph[other].label;
      role.roles = p.roles;
      hop.evidence.push_back(std::move(role));
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
    case TopMetric::Degree: return static_cast<double>(link_count(n, v));
  }
  return 0;
}

}  // namespace

PathAnswer find_paths(const Store& store, const std::string& from, const std::string& to,
                      const PathOptions& options) {
  const Network n = analysed_view(store, options.view, false);
  PathAnswer answer;
  const Vertex a = resolve(n, from, answer.other_from);
  const Vertex b = resolve(n, to, answer.other_to);
  answer.from = ref(n, a);
  answer.to = ref(n, b);
  for (const auto& chain : shortest_chains(n, a, b, options.max_chains)) {
    std::vector<Hop> hops;
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) hops.push_back(make_hop(n, chain[i], chain[i + 1], options.max_evidence));
    answer.chains.push_back(std::move(hops));
  }
  return answer;
}

std::optional<TopMetric> parse_top_metric(const std::string& name) {
  if (name == "pagerank" || name == "rank") return TopMetric::PageRank;
  if (name == "betweenness") return TopMetric::Betweenness;
  if (name == "statements") return TopMetric::Statements;
  if (name == "degree" || name == "links") return TopMetric::Degree;
  return std::nullopt;
}

std::string_view top_metric_name(TopMetric metric) noexcept {
  switch (metric) {
    case TopMetric::PageRank: return "pagerank";
    case TopMetric::Betweenness: return "betweenness";
    case TopMetric::Statements: return "statements";
    case TopMetric::Degree: return "degree";
  }
  return "pagerank";
}

std::vector<TopRow> top_entities(const Store& store, const TopOptions& options) {
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
                    link_count(n, v)});
  }
  return rows;
}

EgoAnswer ego_network(const Store& store, const std::string& name, const EgoOptions& options) {
  const Network n = analysed_view(store, options.view, false);
  EgoAnswer answer;
  const Vertex center = resolve(n, name, answer.other_matches);
  answer.center = ref(n, center);
  const auto reached = within_hops(n, center, options.hops);
  std::vector<std::size_t> distance(n.vertex_count(), static_cast<std::size_t>(-1));
  for (const auto& [v, d] : reached) distance[v] = d;
  for (const auto& [v, d] : reached) {
    if (v == center) continue;
    // Through the strongest-linked neighbour one hop nearer the centre.
    Vertex via = center;
    double best = -1;
    for (const Vertex w : neighbours(n, v)) {
      if (distance[w] + 1 != d) continue;
      double weight = 0;
      for (const auto e : links_between(n, v, w)) weight += n.graph[e].weight;
      if (weight > best) {
        best = weight;
        via = w;
      }
    }
    answer.rows.push_back({ref(n, v), d, ref(n, via), summarise_link(n, via, v), n.graph[v].metrics.page_rank});
  }
  std::stable_sort(answer.rows.begin(), answer.rows.end(), [](const EgoRow& a, const EgoRow& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.page_rank > b.page_rank;
  });
  return answer;
}

}  // namespace ng::graph::network
