// view_links (view_links.hpp): build_view's vertices and edges without
// its graph, in the same order. Each step below is the step of ViewBuilder
// (views.cpp) with the same name; a change to one must go into the other
// (tests/unit/network/views_test.cpp compares them).
#include "graph/network/view_links.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "graph/network/views.hpp"

namespace ng::graph::network {

namespace {

bool has_speech(NetworkView view) { return view == NetworkView::SpeaksAbout || view == NetworkView::Combined; }
bool has_mentions(NetworkView view) { return view == NetworkView::CoMention || view == NetworkView::Combined; }
bool has_roles(NetworkView view) { return view == NetworkView::Affiliation || view == NetworkView::Combined; }

class LinkBuilder {
 public:
  LinkBuilder(const StoreFacts& facts, NetworkView view) : facts_(facts), view_(view) {
    out_.directed = view == NetworkView::SpeaksAbout || view == NetworkView::Affiliation;
  }

  ViewLinks build() {
    const std::vector<std::string_view> members = view_members(facts_, view_);
    out_.iris.reserve(members.size());
    vertex_of_.reserve(members.size());
    for (const std::string_view iri : members) {
      vertex_of_.emplace(iri, static_cast<std::uint32_t>(out_.iris.size()));
      out_.iris.emplace_back(iri);
    }
    if (has_speech(view_)) add_statements();
    if (has_mentions(view_)) add_co_mentions();
    if (has_roles(view_)) add_memberships();
    finish_edges();
    return std::move(out_);
  }

 private:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};

  struct Link {
    std::uint32_t source, target;
    std::uint32_t statements = 0;
    std::uint32_t articles = 0;
    bool affiliation = false;
  };

  std::uint32_t find(const std::string& iri) const {
    const auto it = vertex_of_.find(iri);
    return it == vertex_of_.end() ? kNone : it->second;
  }

  // Network::edge_between: one link per ordered pair, or per unordered
  // pair (smaller vertex first) in an undirected view.
  Link& link_between(std::uint32_t u, std::uint32_t v) {
    if (!out_.directed && v < u) std::swap(u, v);
    const std::uint64_t key = (static_cast<std::uint64_t>(u) << 32U) | v;
    const auto [it, added] = index_.try_emplace(key, static_cast<std::uint32_t>(links_.size()));
    if (added) links_.push_back(Link{u, v, 0, 0, false});
    return links_[it->second];
  }

  void add_statements() {
    for (const auto& st : facts_.statements) {
      const std::uint32_t speaker = find(st.speaker);
      if (speaker == kNone) continue;
      for (const auto& about : st.about) {
        const std::uint32_t target = find(about);
        if (target == kNone || target == speaker) continue;
        ++link_between(speaker, target).statements;
      }
    }
  }

  void add_co_mentions() {
    std::size_t pairs = 0;
    for (const auto& [article, entities] : facts_.article_mentions) {
      if (entities.size() > 1) pairs += entities.size() * (entities.size() - 1) / 2;
    }
    index_.reserve(index_.size() + pairs / 2);
    std::vector<std::uint32_t> present;
    for (const auto& [article, entities] : facts_.article_mentions) {
      present.clear();
      for (const auto& iri : entities) {
        if (const std::uint32_t v = find(iri); v != kNone) present.push_back(v);
      }
      std::sort(present.begin(), present.end());
      for (std::size_t i = 0; i < present.size(); ++i) {
        for (std::size_t j = i + 1; j < present.size(); ++j) ++link_between(present[i], present[j]).articles;
      }
    }
  }

  void add_memberships() {
    for (const auto& m : facts_.memberships) {
      const std::uint32_t person = find(m.person);
      const std::uint32_t target = find(m.target);
      if (person == kNone || target == kNone || person == target) continue;
      Link& link = link_between(person, target);
      link.affiliation = true;
      if (!m.role.empty()) roles_[static_cast<std::size_t>(&link - links_.data())].push_back(m.role);
    }
  }

  // The weights, and the links in the order of the adjacency list's edges:
  // by source vertex, each source's in the order they were added.
  void finish_edges() {
    const std::size_t n = out_.iris.size();
    std::vector<std::size_t> start(n + 1, 0);
    for (const Link& link : links_) ++start[link.source + 1];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    out_.edges.resize(links_.size());
    out_.links.assign(n, 0);
    for (auto& [index, titles] : roles_) {
      std::sort(titles.begin(), titles.end());
      titles.erase(std::unique(titles.begin(), titles.end()), titles.end());
    }
    for (std::size_t i = 0; i < links_.size(); ++i) {
      const Link& link = links_[i];
      std::size_t distinct_roles = 0;
      if (const auto it = roles_.find(i); it != roles_.end()) distinct_roles = it->second.size();
      const double roles = link.affiliation ? static_cast<double>(std::max<std::size_t>(1, distinct_roles)) : 0.0;
      const double weight = static_cast<double>(link.statements) + static_cast<double>(link.articles) + roles;
      out_.edges[start[link.source]++] = WeightedEdge{link.source, link.target, weight};
      ++out_.links[link.source];
      ++out_.links[link.target];
    }
  }

  const StoreFacts& facts_;
  NetworkView view_;
  ViewLinks out_;
  std::unordered_map<std::string_view, std::uint32_t> vertex_of_;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<Link> links_;
  std::unordered_map<std::size_t, std::vector<std::string_view>> roles_;  // link -> its role titles
};

}  // namespace

ViewLinks view_links(const StoreFacts& facts, NetworkView view) { return LinkBuilder(facts, view).build(); }

Csr walk_graph(const ViewLinks& links) {
  std::vector<WeightedEdge> edges = links.edges;
  if (!links.directed) {
    const std::size_t one_way = edges.size();
    edges.reserve(2 * one_way);
    for (std::size_t i = 0; i < one_way; ++i) edges.push_back({edges[i].target, edges[i].source, edges[i].weight});
  }
  return make_csr(links.vertex_count(), edges, Symmetry::Directed);
}

}  // namespace ng::graph::network
