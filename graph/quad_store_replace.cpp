// Replacing a graph by its difference: the quads a graph keeps are not
// deleted and written again. An article mapped again because one of its
// entities now links elsewhere keeps almost all of its quads (a relinked
// article of the benchmark corpus: ~1,800 quads, a few dozen changed);
// deleting and re-adding every one of them dirtied a page of each of the
// four indexes per quad, which the commit then writes and syncs.

#include <memory>

#include "common/error.hpp"
#include "graph/quad_scan.hpp"
#include "graph/quad_store.hpp"

namespace ng::graph {

std::vector<IdQuad> QuadStore::stored_graph(TermId graph) {
  // As remove_graph: the buffer is written first only when it holds some
  // of the graph.
  if (pending_graphs_.contains(graph)) flush();
  std::vector<IdQuad> quads;
  for (QuadCursor cursor(std::unique_ptr<detail::QuadScan, detail::QuadScanDeleter>(new detail::QuadScan(
           shared_from_this(), {kAnyTerm, kAnyTerm, kAnyTerm, graph}, Distinct::Quads)));
       !cursor.at_end(); cursor.next()) {
    quads.push_back(cursor.quad());
  }
  return quads;
}

std::size_t QuadStore::remove_stored(std::span<const IdQuad> quads) {
  require_writable("remove quads");
  for (const IdQuad& quad : quads) {
    if (pending_graphs_.contains(quad.graph)) {
      flush();
      break;
    }
  }
  std::size_t removed = 0;
  for (const IdQuad& quad : quads) {
    env_->limit_mapped_pages(4);  // a delete from each index (lmdb.hpp)
    detail::IndexEntry entry = detail::index_entry(quad, index_order::kSpog);
    MDB_val k = lmdb::val(&entry.key, sizeof entry.key), v = lmdb::val(entry.dup.data(), entry.dup.size());
    const int rc = mdb_del(txn(), env_->spog, &k, &v);
    if (rc == MDB_NOTFOUND) continue;
    lmdb::check(rc, "cannot remove a quad", where());
    erase_in_indexes(quad);  // the terms wait in maybe_unused_ for the next flush
    ++removed;
  }
  if (removed > 0) dirty_ = true;
  return removed;
}

}  // namespace ng::graph
