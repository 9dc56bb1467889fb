#pragma once
// Rows indexed by the values of some variables, for hash joins. Rows that
// leave a key variable unbound, and probes that do, fall back to scanning.

#include <unordered_map>
#include <vector>

#include "graph/sparql/expression_eval.hpp"
#include "graph/sparql/function_ref.hpp"
#include "graph/sparql/var_set.hpp"

namespace ng::graph::sparql {

class HashTable {
 public:
  HashTable(const std::vector<Row>& rows, const VarSet& key) : rows_(rows), key_(key.members()) {
    if (key_.empty()) return;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (bound(rows[i])) {
        buckets_[hash(rows[i])].push_back(i);
      } else {
        loose_.push_back(i);
      }
    }
  }

  // Calls visit for every row that may be compatible with `row`, until it
  // returns false.
  bool probe(const Row& row, FunctionRef<bool(const Row&)> visit) const {
    if (key_.empty() || !bound(row)) {
      for (const Row& r : rows_) {
        if (!visit(r)) return false;
      }
      return true;
    }
    if (const auto it = buckets_.find(hash(row)); it != buckets_.end()) {
      for (std::size_t i : it->second) {
        if (!visit(rows_[i])) return false;
      }
    }
    for (std::size_t i : loose_) {
      if (!visit(rows_[i])) return false;
    }
    return true;
  }

 private:
  bool bound(const Row& row) const {
    for (VarId v : key_) {
      if (row[v] == kUnbound) return false;
    }
    return true;
  }
  std::size_t hash(const Row& row) const {
    std::size_t h = 0xcbf29ce484222325ULL;
    for (VarId v : key_) h = (h ^ row[v]) * 0x100000001b3ULL;
    return h;
  }

  const std::vector<Row>& rows_;
  std::vector<VarId> key_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> buckets_;
  std::vector<std::size_t> loose_;
};

}  // namespace ng::graph::sparql
