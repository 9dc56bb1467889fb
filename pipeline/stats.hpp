#pragma once
// `newsgraph stats`: what a store holds, counted without double-counting a
// triple that several article graphs share.

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "graph/store.hpp"

namespace ng::pipeline {

struct StoreStats {
  std::size_t quads = 0;
  std::size_t triples = 0;  // distinct triples over all graphs
  std::size_t graphs = 0;
  std::size_t articles = 0;
  std::size_t record_sets = 0;
  std::map<std::string, std::size_t> subjects_by_class;  // class IRI -> distinct subjects
  std::map<std::string, std::size_t> triples_by_predicate;
};

StoreStats compute_stats(const graph::Store& store);

// A readable report, IRIs shortened with `prefixes`.
std::string format_stats(const StoreStats& stats,
                         const std::vector<std::pair<std::string, std::string>>& prefixes);

// "http://schema.org/Person" -> "schema:Person" when a prefix fits.
std::string shorten_iri(const std::string& iri, const std::vector<std::pair<std::string, std::string>>& prefixes);

}  // namespace ng::pipeline
