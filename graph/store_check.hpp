#pragma once
// `newsgraph check`: reads a whole store and says whether it is sound, so
// that a damaged store is reported instead of answering with wrong counts.
//
// It checks: the marker and the files; that data.mdb is as long as its last
// commit needs (a truncated copy); that LMDB can read every page of every
// database; that the four quad indexes hold the same quads (each quad of
// spog is looked up in posg, ospg and gspo); that every id a quad uses is a
// term; that every term reads back as an RDF term and is found by its
// hash. Terms no quad uses are counted (harmless: a later build deletes
// them), not reported as damage.
//
// Never throws for a damaged store: problems are in the report.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ng::graph {

struct CheckReport {
  std::vector<std::string> problems;  // empty: the store is sound
  std::size_t quads = 0;
  std::size_t terms = 0;
  std::size_t graphs = 0;
  std::size_t unused_terms = 0;
  std::uintmax_t bytes = 0;  // data.mdb
  bool ok() const noexcept { return problems.empty(); }
};

CheckReport check_store(const std::filesystem::path& root);

}  // namespace ng::graph
