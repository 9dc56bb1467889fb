#include "graph/network/lookup.hpp"

#include <algorithm>
#include <string>

#include "common/unicode.hpp"

namespace ng::graph::network {

std::vector<EntityMatch> find_entities(const Network& net, std::string_view query) {
  const NetworkGraph& g = net.graph;
  std::vector<EntityMatch> found;
  if (const auto v = net.find(query)) return {{*v, EntityMatch::How::Iri}};
  const std::string folded = case_fold(query);
  if (folded.empty()) return found;
  std::vector<EntityMatch> names, aliases, parts;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const std::string label = case_fold(g[v].label);
    if (label == folded) {
      names.push_back({v, EntityMatch::How::Name});
      continue;
    }
    const bool alias = std::any_of(g[v].aliases.begin(), g[v].aliases.end(),
                                   [&](const std::string& a) { return case_fold(a) == folded; });
    if (alias) aliases.push_back({v, EntityMatch::How::Alias});
    else if (label.find(folded) != std::string::npos) parts.push_back({v, EntityMatch::How::PartOfName});
  }
  found = !names.empty() ? std::move(names) : !aliases.empty() ? std::move(aliases) : std::move(parts);
  std::sort(found.begin(), found.end(), [&](const EntityMatch& a, const EntityMatch& b) {
    const double ra = g[a.vertex].metrics.page_rank;
    const double rb = g[b.vertex].metrics.page_rank;
    return ra != rb ? ra > rb : g[a.vertex].iri < g[b.vertex].iri;
  });
  return found;
}

}  // namespace ng::graph::network
