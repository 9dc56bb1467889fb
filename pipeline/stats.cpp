#include "pipeline/stats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "common/hash.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::pipeline {

namespace v = ontology::vocab;

StoreStats compute_stats(const graph::Store& store) {
  StoreStats stats;
  std::unordered_set<std::uint64_t> seen;  // fingerprints of distinct triples
  std::set<std::string> graphs;
  std::map<std::string, std::set<std::string>> class_members;
  store.for_each_quad([&](const ontology::Quad& q) {
    ++stats.quads;
    graphs.insert(q.graph_name);
    const std::uint64_t key = stable_hash(ontology::to_ntriples(q.object),
                                          stable_hash(q.predicate.value, stable_hash(q.subject.value)));
    if (!seen.insert(key).second) return;
    ++stats.triples;
    ++stats.triples_by_predicate[q.predicate.value];
    if (q.predicate.value == v::rdf::kType && q.object.is_iri()) {
      class_members[q.object.value].insert(q.subject.value);
    }
  });
  stats.graphs = graphs.size();
  for (const auto& [cls, members] : class_members) stats.subjects_by_class[cls] = members.size();
  const auto count = [&](std::string_view cls) {
    const auto it = stats.subjects_by_class.find(std::string(cls));
    return it == stats.subjects_by_class.end() ? 0 : it->second;
  };
  stats.articles = count(v::schema::kNewsArticle);
  stats.record_sets = count(v::newsgraph::kStatementRecordSet);
  return stats;
}

std::string shorten_iri(const std::string& iri, const std::vector<std::pair<std::string, std::string>>& prefixes) {
  for (const auto& [prefix, ns] : prefixes) {
    if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0) return prefix + ":" + iri.substr(ns.size());
  }
  return "<" + iri + ">";
}

std::string format_stats(const StoreStats& stats,
                         const std::vector<std::pair<std::string, std::string>>& prefixes) {
  std::string out;
  out += fmt::format("articles        {}\n", stats.articles);
  out += fmt::format("record files    {}\n", stats.record_sets);
  out += fmt::format("named graphs    {}\n", stats.graphs);
  out += fmt::format("triples         {} distinct ({} quads)\n\n", stats.triples, stats.quads);
  const auto table = [&](const std::string& title, const std::map<std::string, std::size_t>& counts) {
    std::vector<std::pair<std::string, std::size_t>> rows;
    for (const auto& [iri, n] : counts) rows.emplace_back(shorten_iri(iri, prefixes), n);
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::size_t width = title.size();
    for (const auto& row : rows) width = std::max(width, row.first.size());
    out += fmt::format("{:<{}}  {:>9}\n", title, width, "count");
    for (const auto& [name, n] : rows) out += fmt::format("{:<{}}  {:>9}\n", name, width, n);
    out += "\n";
  };
  table("class", stats.subjects_by_class);
  table("predicate", stats.triples_by_predicate);
  return out;
}

}  // namespace ng::pipeline
