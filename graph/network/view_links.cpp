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

// Links are found per source vertex, with a dense array from target to
// link instead of a hash table of every pair (2.8 million pair visits at
// 10,000 articles). Each pair build_view visits has a stamp, its place in
// build_view's order of visits (statements, then co-mentions article by
// article, then roles); a link is added at its first visit, and the links
// sorted by the stamp of that visit are in the order the whole view's
// graph lists its edges (the order edge_between added them).
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
    const std::size_t n = out_.iris.size();
    speech_.resize(n);
    mentions_.resize(n);
    roles_.resize(n);
    if (has_speech(view_)) add_statements();
    if (has_mentions(view_)) add_co_mentions();
    if (has_roles(view_)) add_memberships();
    finish_edges();
    return std::move(out_);
  }

 private:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};

  struct Link {
    std::uint32_t target;
    std::uint64_t stamp;  // of the visit that added it
    std::uint32_t statements = 0;
    std::uint32_t articles = 0;
    bool affiliation = false;
  };
  // An article's vertices and where the source is among them.
  struct Mention {
    std::uint32_t article, position;
  };
  struct Role {
    std::uint32_t target;
    std::string_view title;  // empty: a bare affiliation
    std::uint64_t stamp;
  };
  struct Speech {
    std::uint32_t target;
    std::uint64_t stamp;
  };

  std::uint32_t find(const std::string& iri) const {
    const auto it = vertex_of_.find(iri);
    return it == vertex_of_.end() ? kNone : it->second;
  }

  // Network::edge_between's ends: an undirected view's link goes from the
  // smaller vertex.
  std::pair<std::uint32_t, std::uint32_t> ends(std::uint32_t u, std::uint32_t v) const {
    if (!out_.directed && v < u) std::swap(u, v);
    return {u, v};
  }

  void add_statements() {
    for (const auto& st : facts_.statements) {
      const std::uint32_t speaker = find(st.speaker);
      if (speaker == kNone) continue;
      for (const auto& about : st.about) {
        const std::uint32_t target = find(about);
        if (target == kNone || target == speaker) continue;
        const auto [u, v] = ends(speaker, target);
        speech_[u].push_back({v, visits_++});
      }
    }
  }

  // Co-mention exists in undirected views only: an article's pairs go
  // from the smaller vertex, as build_view adds them.
  void add_co_mentions() {
    articles_.reserve(facts_.article_mentions.size());
    for (const auto& [article, entities] : facts_.article_mentions) {
      std::vector<std::uint32_t> present;
      for (const auto& iri : entities) {
        if (const std::uint32_t v = find(iri); v != kNone) present.push_back(v);
      }
      std::sort(present.begin(), present.end());
      const auto a = static_cast<std::uint32_t>(articles_.size());
      for (std::size_t i = 0; i + 1 < present.size(); ++i) {
        mentions_[present[i]].push_back({a, static_cast<std::uint32_t>(i)});
      }
      article_stamps_.push_back(visits_);
      visits_ += present.size() * (present.size() - (present.empty() ? 0 : 1)) / 2;
      articles_.push_back(std::move(present));
    }
  }

  void add_memberships() {
    for (const auto& m : facts_.memberships) {
      const std::uint32_t person = find(m.person);
      const std::uint32_t target = find(m.target);
      if (person == kNone || target == kNone || person == target) continue;
      const auto [u, v] = ends(person, target);
      roles_[u].push_back({v, m.role, visits_++});
    }
  }

  void finish_edges() {
    const std::size_t n = out_.iris.size();
    out_.links.assign(n, 0);
    std::vector<std::uint32_t> position(n, kNone);  // target -> index in `links`
    std::vector<Link> links;
    std::vector<std::pair<std::uint32_t, std::string_view>> titles;  // (index in `links`, role title)
    std::vector<std::pair<std::uint64_t, WeightedEdge>> stamped;
    for (std::uint32_t u = 0; u < n; ++u) {
      links.clear();
      titles.clear();
      const auto link = [&](std::uint32_t v, std::uint64_t stamp) -> std::uint32_t {
        if (position[v] == kNone) {
          position[v] = static_cast<std::uint32_t>(links.size());
          links.push_back(Link{v, stamp});
        }
        return position[v];
      };
      for (const Speech& sp : speech_[u]) ++links[link(sp.target, sp.stamp)].statements;
      for (const Mention& m : mentions_[u]) {
        const std::vector<std::uint32_t>& present = articles_[m.article];
        // Pair (i, j) of an article of k vertices is its visit number
        // i*k - i*(i+1)/2 + (j-i-1), as build_view's two loops go.
        const std::uint64_t i = m.position, k = present.size();
        std::uint64_t stamp = article_stamps_[m.article] + i * k - i * (i + 1) / 2;
        for (std::size_t j = m.position + 1; j < present.size(); ++j) ++links[link(present[j], stamp++)].articles;
      }
      for (const Role& r : roles_[u]) {
        const std::uint32_t i = link(r.target, r.stamp);
        links[i].affiliation = true;
        if (!r.title.empty()) titles.emplace_back(i, r.title);
      }
      // Distinct role titles per link (build_view's sort_unique of roles).
      std::sort(titles.begin(), titles.end());
      titles.erase(std::unique(titles.begin(), titles.end()), titles.end());
      std::size_t t = 0;
      for (std::uint32_t i = 0; i < links.size(); ++i) {
        const Link& l = links[i];
        std::size_t distinct_roles = 0;
        while (t < titles.size() && titles[t].first == i) {
          ++distinct_roles;
          ++t;
        }
        const double roles = l.affiliation ? static_cast<double>(std::max<std::size_t>(1, distinct_roles)) : 0.0;
        const double weight = static_cast<double>(l.statements) + static_cast<double>(l.articles) + roles;
        stamped.emplace_back(l.stamp, WeightedEdge{u, l.target, weight});
        ++out_.links[u];
        ++out_.links[l.target];
        position[l.target] = kNone;
      }
    }
    std::sort(stamped.begin(), stamped.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out_.edges.reserve(stamped.size());
    for (const auto& [stamp, edge] : stamped) out_.edges.push_back(edge);
  }

  const StoreFacts& facts_;
  NetworkView view_;
  ViewLinks out_;
  std::unordered_map<std::string_view, std::uint32_t> vertex_of_;
  std::uint64_t visits_ = 0;                         // pairs build_view visits, so far
  std::vector<std::vector<Speech>> speech_;          // source -> targets, one per statement
  std::vector<std::vector<Mention>> mentions_;       // source -> the articles it is in (not last)
  std::vector<std::vector<std::uint32_t>> articles_; // article -> its vertices, ascending
  std::vector<std::uint64_t> article_stamps_;        // article -> the stamp of its first pair
  std::vector<std::vector<Role>> roles_;             // source -> targets, one per membership
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
