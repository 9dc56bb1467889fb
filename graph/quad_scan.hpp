#pragma once
// QuadScan: one range of one index of a QuadStore, read a page of sorted
// dups at a time (graph/ only; QuadCursor is its public face).

#include <array>
#include <memory>
#include <vector>

#include "graph/lmdb.hpp"
#include "graph/quad_store.hpp"

namespace ng::graph::detail {

// The index and range that answer a pattern: the order whose leading parts
// are bound for longest (ties: graph, subject, object, predicate first, the
// usual selectivity), the key and the bound dups after it.
struct ScanPlan {
  int order = index_order::kSpog;
  TermId key = kAnyTerm;
  std::array<TermId, 3> prefix{};
  int prefix_length = 0;
};
ScanPlan plan_scan(const IdPattern& pattern);
MDB_dbi index_dbi(const lmdb::Env& env, int order);

// Big-endian ids, so that LMDB's memcmp order of dups is numeric order.
inline void put_id(unsigned char* out, TermId id) {
  out[0] = static_cast<unsigned char>(id >> 24);
  out[1] = static_cast<unsigned char>(id >> 16);
  out[2] = static_cast<unsigned char>(id >> 8);
  out[3] = static_cast<unsigned char>(id);
}
inline TermId get_id(const unsigned char* in) {
  return (TermId{in[0]} << 24) | (TermId{in[1]} << 16) | (TermId{in[2]} << 8) | TermId{in[3]};
}
// A quad as an index's key and dup.
struct IndexEntry {
  TermId key;
  std::array<unsigned char, 12> dup;
};
IndexEntry index_entry(const IdQuad& quad, int order);
IdQuad quad_of(int order, TermId key, const unsigned char* dup);

class QuadScan {
 public:
  QuadScan(std::shared_ptr<QuadStore> store, const IdPattern& pattern, Distinct distinct);
  ~QuadScan();
  QuadScan(const QuadScan&) = delete;
  QuadScan& operator=(const QuadScan&) = delete;

  // Appends the matches of the next page; false when the range is over.
  // Throws StoreError when the store's transaction ended meanwhile.
  bool fill(std::vector<IdQuad>& out);
  // Called by the store when its transaction ends.
  void end() noexcept;

 private:
  enum class State { Start, InKey, NextKey, Done };
  void position();
  void take_page(std::vector<IdQuad>& out);
  void take_items(const MDB_val& page, std::vector<IdQuad>& out);
  void take(const unsigned char* dup, std::vector<IdQuad>& out);

  std::shared_ptr<QuadStore> store_;
  IdPattern pattern_;
  bool distinct_;
  ScanPlan plan_;
  std::array<unsigned char, 12> start_{};  // the first dup of the range
  MDB_cursor* cursor_ = nullptr;
  bool ended_ = false;
  State state_ = State::Start;
  MDB_val key_{}, data_{};
  TermId current_key_ = kAnyTerm;
  bool have_last_ = false;
  IdQuad last_{};
};

}  // namespace ng::graph::detail
