#include "graph/network/views.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_set>

namespace ng::graph::network {

namespace {

bool has_speech(NetworkView view) { return view == NetworkView::SpeaksAbout || view == NetworkView::Combined; }
bool has_mentions(NetworkView view) { return view == NetworkView::CoMention || view == NetworkView::Combined; }
bool has_roles(NetworkView view) { return view == NetworkView::Affiliation || view == NetworkView::Combined; }

// "https://x.example/person/ada_quill" -> "ada_quill": a label for an entity
// that has no schema:name.
std::string fallback_label(const std::string& iri) {
  const auto cut = iri.find_last_of("/#:");
  return cut == std::string::npos || cut + 1 == iri.size() ? iri : iri.substr(cut + 1);
}

template <class T>
void sort_unique(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

class ViewBuilder {
 public:
  ViewBuilder(const StoreFacts& facts, NetworkView view, const ViewOptions& options)
      : facts_(facts), view_(view), options_(options) {
    auto& info = net_.graph[boost::graph_bundle];
    info.view = view;
    info.directed = view == NetworkView::SpeaksAbout || view == NetworkView::Affiliation;
    info.source_titles = facts.source_titles;
  }

  Network build() {
    add_vertices();
    if (has_speech(view_)) add_statements();
    if (has_mentions(view_)) add_co_mentions();
    if (has_roles(view_)) add_memberships();
    finish_edges();
    return std::move(net_);
  }

 private:
  // Every entity taking part in the view, added in IRI order.
  void add_vertices() {
    for (const std::string_view iri : view_members(facts_, view_)) {
      const auto it = facts_.entities.find(std::string(iri));
      if (options_.only && !options_.only->contains(it->first)) continue;
      const EntityFacts& e = it->second;
      const Vertex v = net_.add_vertex(it->first, e.name.empty() ? fallback_label(it->first) : e.name, e.type);
      net_.graph[v].aliases = e.aliases;
    }
  }

  void add_statements() {
    for (const auto& st : facts_.statements) {
      const auto speaker = net_.find(st.speaker);
      if (!speaker) continue;
      ++net_.graph[*speaker].statements;
      for (const auto& about : st.about) {
        const auto target = net_.find(about);
        if (!target || *target == *speaker) continue;
        NetworkEdge& edge = net_.graph[net_.edge_between(*speaker, *target)];
        edge.kinds |= kSpeaksAbout;
        ++edge.statements;
        if (!options_.details) continue;
        edge.evidence.push_back({st.iri, st.speaker, about, st.text, st.verb, st.source});
        if (!st.verb.empty()) edge.verbs.push_back(st.verb);
        if (options_.sources && !st.source.empty()) edge.sources.push_back(st.source);
      }
    }
  }

  void add_co_mentions() {
    for (const auto& [article, entities] : facts_.article_mentions) {
      const std::vector<Vertex> present = vertices_of(entities);
      for (std::size_t i = 0; i < present.size(); ++i) {
        for (std::size_t j = i + 1; j < present.size(); ++j) {
          NetworkEdge& edge = net_.graph[net_.edge_between(present[i], present[j])];
          edge.kinds |= kCoMention;
          ++edge.articles;
          if (!options_.details || !options_.sources) continue;
          edge.sources.push_back(article);
          edge.shared_articles.push_back(article);
        }
      }
    }
    // Sentence co-mention only refines article co-mention: it counts on
    // edges that exist, so that the weight (articles) stays meaningful.
    for (const auto& [sentence, entities] : facts_.sentence_mentions) {
      const std::vector<Vertex> present = vertices_of(entities);
      for (std::size_t i = 0; i < present.size(); ++i) {
        for (std::size_t j = i + 1; j < present.size(); ++j) {
          const Vertex u = std::min(present[i], present[j]);
          const Vertex v = std::max(present[i], present[j]);
          const auto it = net_.by_pair.find((static_cast<std::uint64_t>(u) << 32U) | v);
          if (it != net_.by_pair.end() && (net_.graph[it->second].kinds & kCoMention) != 0U) {
            ++net_.graph[it->second].sentences;
          }
        }
      }
    }
  }

  void add_memberships() {
    for (const auto& m : facts_.memberships) {
      const auto person = net_.find(m.person);
      const auto target = net_.find(m.target);
      if (!person || !target || *person == *target) continue;
      NetworkEdge& edge = net_.graph[net_.edge_between(*person, *target)];
      edge.kinds |= kAffiliation;
      if (!m.role.empty()) edge.roles.push_back(m.role);
      if (options_.details && options_.sources && !m.source.empty()) edge.sources.push_back(m.source);
    }
  }

  std::vector<Vertex> vertices_of(const std::set<std::string>& iris) const {
    std::vector<Vertex> out;
    for (const auto& iri : iris) {
      if (const auto v = net_.find(iri)) out.push_back(*v);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  void finish_edges() {
    for (const Edge e : boost::make_iterator_range(boost::edges(net_.graph))) {
      NetworkEdge& edge = net_.graph[e];
      sort_unique(edge.verbs);
      sort_unique(edge.roles);
      sort_unique(edge.sources);
      sort_unique(edge.shared_articles);
      std::sort(edge.evidence.begin(), edge.evidence.end(),
                [](const Evidence& a, const Evidence& b) { return a.statement < b.statement; });
      const double roles = (edge.kinds & kAffiliation) != 0U ? static_cast<double>(std::max<std::size_t>(1, edge.roles.size())) : 0.0;
      edge.weight = static_cast<double>(edge.statements) + static_cast<double>(edge.articles) + roles;
    }
  }

  const StoreFacts& facts_;
  NetworkView view_;
  const ViewOptions& options_;
  Network net_;
};

}  // namespace

std::vector<std::string_view> view_members(const StoreFacts& facts, NetworkView view) {
  // A hash set, sorted once at the end: the same order as a std::set of
  // the strings, without a string comparison per insert.
  std::unordered_set<std::string_view> members;
  const auto known = [&](const std::string& iri) { return facts.entities.contains(iri); };
  if (has_speech(view)) {
    for (const auto& st : facts.statements) {
      if (!known(st.speaker)) continue;
      members.insert(st.speaker);
      for (const auto& about : st.about) {
        if (about != st.speaker && known(about)) members.insert(about);
      }
    }
  }
  if (has_mentions(view)) {
    std::vector<std::string_view> present;
    for (const auto& [article, entities] : facts.article_mentions) {
      present.clear();
      for (const auto& e : entities) {
        if (known(e)) present.push_back(e);
      }
      if (present.size() < 2) continue;
      members.insert(present.begin(), present.end());
    }
  }
  if (has_roles(view)) {
    for (const auto& m : facts.memberships) {
      if (m.person == m.target || !known(m.person) || !known(m.target)) continue;
      members.insert(m.person);
      members.insert(m.target);
    }
  }
  std::vector<std::string_view> sorted(members.begin(), members.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

unsigned facts_for(NetworkView view) noexcept {
  unsigned parts = 0;
  if (has_speech(view)) parts |= kStatementFacts;
  if (has_mentions(view)) parts |= kMentionFacts | kSentenceFacts;
  if (has_roles(view)) parts |= kMembershipFacts;
  return parts;
}

Network build_view(const StoreFacts& facts, NetworkView view, const ViewOptions& options) {
  Network net = ViewBuilder(facts, view, options).build();
  spdlog::debug("{} view: {} entities, {} links", view_name(view), net.vertex_count(), net.edge_count());
  return net;
}

Network build_view(const Store& store, NetworkView view) { return build_view(read_facts(store, facts_for(view)), view); }

}  // namespace ng::graph::network
